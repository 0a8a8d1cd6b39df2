# The build's tasks, in one place. build.ps1 dot-sources this file and runs tasks by name.
# A task is a script block that takes the build context and returns an exit code (0 = success).

Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'BuildPaths.ps1')
. (Join-Path $PSScriptRoot '../module/build/ModuleBuild.ps1')

function New-BuildContext {
    # Version is the module's (KvsSignaling.psd1 ModuleVersion, the one version source); PackageVersion, what every
    # assembly and package of this invocation is stamped with, adds the pre-release label of a local build.
    param([string] $Root, [string] $Configuration, [switch] $Release)
    $version = Get-KvsModuleVersion -Root $Root
    $prerelease = Get-KvsPrerelease -Root $Root -Release:$Release
    [pscustomobject]@{
        Root           = $Root
        Configuration  = $Configuration
        Version        = $version
        Prerelease     = $prerelease
        PackageVersion = Get-KvsPackageVersion -ModuleVersion $version -Prerelease $prerelease
        Solution      = Join-Path $Root 'KvsPowerShell.sln'
        Artifacts     = Join-Path $Root 'artifacts'
        TestResults   = Join-Path $Root 'artifacts/test-results'
    }
}

function Invoke-Native {
    # Runs a native command, echoing it, and returns its exit code.
    param([string] $FilePath, [string[]] $ArgumentList)
    Write-Host "> $FilePath $($ArgumentList -join ' ')" -ForegroundColor DarkGray
    & $FilePath @ArgumentList | Out-Host
    $LASTEXITCODE
}

function Get-NuGetPackageRoot {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list | Select-Object -First 1
    ($line -replace '^global-packages:\s*', '').Trim()
}

function Get-PesterModulePath {
    param($Context)
    $toolsProject = Join-Path $Context.Root 'tools/Tools.csproj'
    $code = Invoke-Native dotnet @('restore', $toolsProject, '--nologo', '-v', 'quiet')
    if ($code -ne 0) { throw "Restoring the build tools failed (exit $code)." }
    [xml] $props = Get-Content (Join-Path $Context.Root 'Directory.Packages.props')
    $version = $props.Project.PropertyGroup.PesterVersion | Where-Object { $_ } | Select-Object -First 1
    $path = Join-Path (Get-NuGetPackageRoot) "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path $path)) { throw "Pester $version was restored but $path is missing." }
    $path
}

function Read-TrxCounts {
    # Sums the counters of every .trx file that `dotnet test` wrote.
    param([string] $Directory)
    $sum = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0; Files = 0 }
    foreach ($file in Get-ChildItem -Path $Directory -Filter '*.trx' -Recurse -ErrorAction SilentlyContinue) {
        # -LiteralPath: dotnet test names a second result file of the same second 'name[1].trx'.
        [xml] $trx = Get-Content -Raw -LiteralPath $file.FullName
        $counters = $trx.TestRun.ResultSummary.Counters
        $sum.Passed += [int] $counters.passed
        $sum.Failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $sum.Skipped += [int] $counters.notExecuted
        $sum.Files++
    }
    $sum
}

$BuildTasks = [ordered]@{
    Build = @{
        Description = 'Compiles the solution and lays out the importable module in out/KvsSignaling/<version>/.'
        Action      = {
            param($Context)
            $code = Invoke-Native dotnet @('build', $Context.Solution, '-c', $Context.Configuration, '--nologo', "-p:Version=$($Context.PackageVersion)")
            if ($code -ne 0) { return $code }
            Build-KvsModule -Context $Context
        }
    }
    Test  = @{
        Description = 'Builds, runs every xunit project and every Pester file under tests/, and prints one Total line.'
        DependsOn   = @('Build')
        Action      = {
            param($Context)
            $harnessFailures = 0
            if (Test-Path $Context.TestResults) { Remove-Item -Recurse -Force $Context.TestResults }
            New-Item -ItemType Directory -Force -Path $Context.TestResults | Out-Null

            $xunitDir = Join-Path $Context.TestResults 'xunit'
            $code = Invoke-Native dotnet @('test', $Context.Solution, '-c', $Context.Configuration, '--no-build', '--nologo',
                '--logger', 'trx', '--logger', 'console;verbosity=normal', '--results-directory', $xunitDir)
            $xunit = Read-TrxCounts -Directory $xunitDir
            if ($code -ne 0 -and $xunit.Failed -eq 0) {
                Write-Host "dotnet test exited with $code without a failed test: counting the run as failed." -ForegroundColor Red
                $harnessFailures++
            }

            $pesterJson = Join-Path $Context.TestResults 'pester.json'
            $pesterPath = Get-PesterModulePath -Context $Context
            $code = Invoke-Native dotnet @('tool', 'run', 'pwsh', '--', '-NoProfile', '-NonInteractive', '-File',
                (Join-Path $Context.Root 'tools/Invoke-PesterTests.ps1'),
                '-PesterPath', $pesterPath, '-TestPath', (Join-Path $Context.Root 'tests'),
                '-ResultPath', $pesterJson, '-Configuration', $Context.Configuration)
            $pester = if (Test-Path $pesterJson) { Get-Content -Raw $pesterJson | ConvertFrom-Json } else { $null }
            if ($null -eq $pester) {
                Write-Host "Pester did not report results (exit $code): counting the run as failed." -ForegroundColor Red
                $pester = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
                $harnessFailures++
            }

            $passed = $xunit.Passed + $pester.Passed
            $failed = $xunit.Failed + $pester.Failed + $harnessFailures
            $skipped = $xunit.Skipped + $pester.Skipped
            Write-Host ''
            Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped ($($xunit.Files) projects)"
            Write-Host "Pester: $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped"
            $summary = "Total: $passed passed, $failed failed"
            if ($skipped -gt 0) { $summary += ", $skipped skipped" }
            Write-Host $summary
            if ($failed -gt 0) { 1 } else { 0 }
        }
    }
    Demo  = @{
        Description = 'Builds, then starts kvs-local, creates channels and shows their endpoints with the module (the main job).'
        DependsOn   = @('Build')
        Action      = { param($Context) Invoke-KvsDemo -Context $Context }
    }
    Pack  = @{
        Description = 'Builds, then packs the KvsSignaling library (with its analyzers, symbols in a .snupkg), KvsSignaling.Extensions.DependencyInjection and the PowerShell module as .nupkg files in artifacts/packages and artifacts/powershell; versioned <ModuleVersion>-dev.<UTC time> unless -Release.'
        DependsOn   = @('Build')
        Action      = {
            param($Context)
            # The same version for both packages: the extensions depend on the library of their own version.
            foreach ($project in 'src/KvsSignaling/KvsSignaling.csproj', 'src/KvsSignaling.Extensions.DependencyInjection/KvsSignaling.Extensions.DependencyInjection.csproj') {
                $code = Invoke-Native dotnet @('pack', (Join-Path $Context.Root $project), '-c', $Context.Configuration,
                    '--no-build', '--nologo', '-o', (Join-Path $Context.Artifacts 'packages'), "-p:Version=$($Context.PackageVersion)")
                if ($code -ne 0) { return $code }
            }
            New-KvsModulePackage -Context $Context
        }
    }
    Bench = @{
        Description = 'Builds, then runs the benchmarks against kvs-local and prints medians, ratios and the machine (-Smoke: tiny size; -Name Soak -Minutes 10: the soak).'
        DependsOn   = @('Build')
        Action      = {
            param($Context)
            $arguments = @('tool', 'run', 'pwsh', '--', '-NoProfile', '-NonInteractive', '-File', (Join-Path $Context.Root 'bench/Invoke-Benchmarks.ps1'),
                '-Configuration', $Context.Configuration, '-Minutes', $Context.Bench.Minutes)
            if ($Context.Bench.Smoke) { $arguments += @('-Size', 'Smoke') }
            if ($Context.Bench.Name) { $arguments += @('-Name', ($Context.Bench.Name -join ',')) }
            Invoke-Native dotnet $arguments
        }
    }
}

function Invoke-BuildTask {
    # Runs a task after the tasks it depends on, each at most once per invocation of build.ps1
    # (the caller passes one $Done set for every task it names). Returns the task's exit code.
    param([string] $Name, $Context, [Parameter(Mandatory)] [AllowEmptyCollection()] [System.Collections.Generic.HashSet[string]] $Done)
    if (-not $BuildTasks.Contains($Name)) { throw "Unknown task '$Name'. Tasks: $($BuildTasks.Keys -join ', ')." }
    if (-not $Done.Add($Name)) { return 0 }
    $task = $BuildTasks[$Name]
    foreach ($dependency in @($task['DependsOn']) | Where-Object { $_ }) {
        $code = Invoke-BuildTask -Name $dependency -Context $Context -Done $Done
        if ($code -ne 0) { return $code }
    }
    Write-Host "=== $Name ===" -ForegroundColor Cyan
    # A task's action writes its output to the host and returns only its exit code; anything else
    # it returned would be a bug, so it fails the task instead of being taken for the code.
    $result = @(& $task.Action $Context)
    if ($result.Count -ne 1 -or $result[0] -isnot [int]) {
        Write-Host "Task $Name returned '$($result -join ', ')' instead of one exit code." -ForegroundColor Red
        return 1
    }
    $result[0]
}

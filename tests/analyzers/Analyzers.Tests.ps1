# End to end: the analyzers as a customer gets them. Packs src/KvsSignaling with a unique version, restores it into a
# copy of tests/KvsSignaling.Analyzers.Consumer, checks that `dotnet build` reports each expected rule where a
# /*KVSnnnn*/ comment says, then that `dotnet format analyzers` applies the fixes and nothing fixable is left.

BeforeAll {
    $script:Repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Configuration = if ($env:KVS_BUILD_CONFIGURATION) { $env:KVS_BUILD_CONFIGURATION } else { 'Release' }
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "kvs-analyzers-$([guid]::NewGuid().ToString('N'))"
    $script:Feed = Join-Path $Work 'feed'
    $script:Consumer = Join-Path $Work 'consumer'
    # Unique per run, so that no cached package of the same version can hide a change.
    $script:Version = "0.0.0-e2e.$(Get-Date -Format 'yyyyMMddHHmmss').g$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    $script:FixableIds = 'KVS1001', 'KVS1002', 'KVS1003'

    function Invoke-Dotnet {
        param([string[]] $Arguments)
        $output = & dotnet @Arguments 2>&1 | ForEach-Object { "$_" }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output }
    }

    function Get-ExpectedDiagnostic {
        # Each /*KVSnnnn*/ comment marks the value right after it: its line, and the column where the value starts.
        param([string] $Directory)
        foreach ($file in Get-ChildItem -Path $Directory -Filter '*.cs') {
            $lineNumber = 0
            foreach ($line in Get-Content -Path $file.FullName) {
                $lineNumber++
                foreach ($match in [regex]::Matches($line, '/\*(KVS\d{4})\*/')) {
                    "$($file.Name)($lineNumber,$($match.Index + $match.Length + 1)): $($match.Groups[1].Value)"
                }
            }
        }
    }

    function Get-ReportedDiagnostic {
        # `path(line,col): warning KVSnnnn: message [project]`, once per diagnostic (the build repeats them in its summary).
        param([string[]] $Output)
        $Output | ForEach-Object {
            if ($_ -match '(?<file>[^/\\(]+\.cs)\((?<line>\d+),(?<column>\d+)\): warning (?<id>KVS\d{4}):') {
                "$($Matches.file)($($Matches.line),$($Matches.column)): $($Matches.id)"
            }
        } | Sort-Object -Unique
    }

    function Build-Consumer {
        $result = Invoke-Dotnet @('build', $Consumer, '-c', $Configuration, '--nologo', "-p:KvsSignalingVersion=$Version", '-consoleLoggerParameters:NoSummary')
        if ($result.ExitCode -ne 0) { throw "Building the consumer failed (exit $($result.ExitCode)):`n$($result.Output -join "`n")" }
        $result
    }

    New-Item -ItemType Directory -Path $Work, $Feed | Out-Null
    $pack = Invoke-Dotnet @('pack', (Join-Path $Repo 'src/KvsSignaling'), '-c', $Configuration, '--nologo', '-o', $Feed,
        "-p:Version=$Version", '--artifacts-path', (Join-Path $Work 'build'))
    if ($pack.ExitCode -ne 0) { throw "Packing KvsSignaling failed (exit $($pack.ExitCode)):`n$($pack.Output -join "`n")" }
    $script:Package = Join-Path $Feed "KvsSignaling.$Version.nupkg"

    Copy-Item -Recurse -Path (Join-Path $Repo 'tests/KvsSignaling.Analyzers.Consumer') -Destination $Consumer
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $Consumer 'bin'), (Join-Path $Consumer 'obj')
    # Packages restore into the run's own folder; the machine's cache serves only the dependencies, as a fallback.
    $globalPackages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    @"
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$(Join-Path $Work 'packages')" />
  </config>
  <packageSources>
    <clear />
    <add key="kvssignaling-local" value="$Feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <fallbackPackageFolders>
    <add key="machine-cache" value="$globalPackages" />
  </fallbackPackageFolders>
</configuration>
"@ | Set-Content -Path (Join-Path $Consumer 'NuGet.config')

    $script:Expected = @(Get-ExpectedDiagnostic -Directory $Consumer | Sort-Object)
    $script:FirstBuild = Build-Consumer
}

AfterAll {
    if ($Work -and (Test-Path $Work)) { Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue }
}

Describe 'KvsSignaling analyzers in a consuming project' {
    It 'ships the analyzer and code-fix assemblies in analyzers/dotnet/cs of the package' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($Package)
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        $entries | Should -Contain 'analyzers/dotnet/cs/KvsSignaling.Analyzers.dll'
        $entries | Should -Contain 'analyzers/dotnet/cs/KvsSignaling.Analyzers.CodeFixes.dll'
        $entries | Where-Object { $_ -like 'lib/*/KvsSignaling.Analyzers*' } | Should -BeNullOrEmpty
    }

    It 'marks at least one value of every rule in the consumer' {
        foreach ($id in 'KVS1001', 'KVS1002', 'KVS1003', 'KVS1004', 'KVS1005') {
            @($Expected | Where-Object { $_ -like "*: $id" }).Count | Should -BeGreaterThan 0 -Because "$id needs a case"
        }
    }

    It 'dotnet build reports each rule at the file, line and column of the bad value, and nothing else' {
        $reported = @(Get-ReportedDiagnostic -Output $FirstBuild.Output)
        $reported | Should -Be $Expected
    }

    It 'dotnet format applies the fixes, and the rebuilt project has no fixable diagnostic left' {
        $format = Invoke-Dotnet (@('format', 'analyzers', (Join-Path $Consumer 'KvsSignaling.Analyzers.Consumer.csproj'),
            '--diagnostics') + $FixableIds + @('--severity', 'warn', '--no-restore'))
        $format.ExitCode | Should -Be 0 -Because ($format.Output -join "`n")

        $fixed = (Get-Content -Raw (Join-Path $Consumer 'Fixable.cs')) -replace "`r`n", "`n"
        $expectedFixed = (Get-Content -Raw (Join-Path $Consumer 'Fixable.cs.fixed')) -replace "`r`n", "`n"
        $fixed | Should -BeExactly $expectedFixed

        $rebuilt = @(Get-ReportedDiagnostic -Output (Build-Consumer).Output)
        $rebuilt | Should -Be @($Expected | Where-Object { $_ -like 'NotFixable.cs*' })
    }
}

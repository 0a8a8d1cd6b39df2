# End to end: the analyzers as a customer gets them. Packs src/KvsSignaling with a unique version, restores it into a
# copy of tests/KvsSignaling.Analyzers.Consumer, checks that `dotnet build` reports each expected rule where a
# /*KVSnnnn*/ comment says, then that `dotnet format analyzers` applies the fixes and nothing fixable is left.

BeforeAll {
    . (Join-Path $PSScriptRoot '../package/PackageFeed.ps1')
    $script:Repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Configuration = if ($env:KVS_BUILD_CONFIGURATION) { $env:KVS_BUILD_CONFIGURATION } else { 'Release' }
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "kvs-analyzers-$([guid]::NewGuid().ToString('N'))"
    $script:Consumer = Join-Path $Work 'consumer'
    $script:FixableIds = 'KVS1001', 'KVS1002', 'KVS1003'

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
        $result = Invoke-Dotnet -PackagesFolder $TestPackage.Packages -Arguments @('build', $Consumer, '-c', $Configuration, '--nologo',
            "-p:KvsSignalingVersion=$($TestPackage.Version)", '-consoleLoggerParameters:NoSummary')
        if ($result.ExitCode -ne 0) { throw "Building the consumer failed (exit $($result.ExitCode)):`n$($result.Output -join "`n")" }
        $result
    }

    # Unique per run, and restored into the run's own packages folder, so that no cached build can hide a change.
    New-Item -ItemType Directory -Path $Work | Out-Null
    $script:TestPackage = New-KvsTestPackage -Repo $Repo -Work $Work -Configuration $Configuration -Label 'e2e'
    $script:Package = $TestPackage.Package
    Copy-KvsConsumer -Source (Join-Path $Repo 'tests/KvsSignaling.Analyzers.Consumer') -Destination $Consumer -TestPackage $TestPackage

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
        foreach ($id in 'KVS1001', 'KVS1002', 'KVS1003', 'KVS1004', 'KVS1005', 'KVS1006', 'KVS1007') {
            @($Expected | Where-Object { $_ -like "*: $id" }).Count | Should -BeGreaterThan 0 -Because "$id needs a case"
        }
    }

    It 'dotnet build reports each rule at the file, line and column of the bad value, and nothing else' {
        $reported = @(Get-ReportedDiagnostic -Output $FirstBuild.Output)
        $reported | Should -Be $Expected
    }

    It 'dotnet format applies the fixes, and the rebuilt project has no fixable diagnostic left' {
        $format = Invoke-Dotnet -PackagesFolder $TestPackage.Packages -Arguments (@('format', 'analyzers', (Join-Path $Consumer 'KvsSignaling.Analyzers.Consumer.csproj'),
            '--diagnostics') + $FixableIds + @('--severity', 'warn', '--no-restore'))
        $format.ExitCode | Should -Be 0 -Because ($format.Output -join "`n")

        $fixed = (Get-Content -Raw (Join-Path $Consumer 'Fixable.cs')) -replace "`r`n", "`n"
        $expectedFixed = (Get-Content -Raw (Join-Path $Consumer 'Fixable.cs.fixed')) -replace "`r`n", "`n"
        $fixed | Should -BeExactly $expectedFixed

        $rebuilt = @(Get-ReportedDiagnostic -Output (Build-Consumer).Output)
        $rebuilt | Should -Be @($Expected | Where-Object { $_ -like 'NotFixable.cs*' })
    }
}

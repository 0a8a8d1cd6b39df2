# Runs every benchmark at its smoke size so the harness keeps working. It checks only that each contender
# produced a figure and that the table printed: speed is judged by `./build.ps1 Bench`, never here.
BeforeAll {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $configuration = if ($env:KVS_BUILD_CONFIGURATION) { $env:KVS_BUILD_CONFIGURATION } else { 'Release' }
    $script:OutputDirectory = Join-Path $TestDrive 'bench'
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($arg in (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', (Join-Path $RepoRoot 'bench/Invoke-Benchmarks.ps1'),
        '-Size', 'Smoke', '-Name', 'Startup,Throughput,Quota,Cache,Memory,Analyzer,Signaling,Soak', '-Configuration', $configuration, '-OutputDirectory', $OutputDirectory) {
        $info.ArgumentList.Add($arg)
    }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit(600000)) { $process.Kill($true); throw 'The smoke benchmark run did not finish within 10 minutes.' }
    $process.WaitForExit()
    $script:ExitCode = $process.ExitCode
    $script:Output = $stdout.Result + $stderr.Result
    $resultFile = Get-ChildItem -Path $OutputDirectory -Filter 'results-Smoke-*.json' -ErrorAction SilentlyContinue | Select-Object -First 1
    $script:Results = if ($resultFile) { Get-Content -Raw $resultFile.FullName | ConvertFrom-Json } else { $null }
}

Describe 'Bench -Size Smoke' {
    It 'finishes with exit code 0' {
        $ExitCode | Should -Be 0 -Because $Output
    }

    It 'prints the table with the machine description' {
        $Output | Should -Match '\| benchmark \| figure \| median \| spread \(min–max\) \| unit \| runs \| ratio \| target \| met \|'
        foreach ($field in 'Cores', 'Memory', 'OS', 'DotNet', 'PowerShell') { $Output | Should -Match "- ${field}: \S" }
    }

    It 'has a figure from <Figure>' -ForEach @(
        @{ Figure = 'floor: pwsh -NoProfile' }
        @{ Figure = '+ Import-Module KvsSignaling' }
        @{ Figure = '+ first Get-KvsSignalingChannelEndpoint' }
        @{ Figure = '(a) floor: HttpClient + AWSSigV4Signer' }
        @{ Figure = '(a) client CPU per lookup' }
        @{ Figure = '(b) client CPU per lookup' }
        @{ Figure = '(c) client CPU per lookup' }
        @{ Figure = '(b) core library, cache off' }
        @{ Figure = '(c) cmdlet, ARNs piped, -Force' }
        @{ Figure = '(d) AWS SDK for JavaScript v3' }
        @{ Figure = '(e) aws CLI' }
        @{ Figure = 'cmdlet -Force, elapsed' }
        @{ Figure = 'core, MaxRequestsPerSecond 300' }
        @{ Figure = 'first sweep' }
        @{ Figure = 'floor: Write-Output pass' }
        @{ Figure = 'second sweep (' }
        @{ Figure = 'second sweep / Write-Output pass' }
        @{ Figure = 'second sweep, client CPU per lookup' }
        @{ Figure = 'peak working set growth' }
        # The analyzer benchmark runs twice: with the SDK's default analyzers off and on.
        @{ Figure = 'build without analyzer'; Count = 2 }
        @{ Figure = 'build with analyzer'; Count = 2 }
        @{ Figure = 'with / without (per window pair)'; Count = 2 }
        @{ Figure = 'analyzer time (ReportAnalyzer'; Count = 2 }
        @{ Figure = 'lookups (succeeded / one error each)' }
        @{ Figure = 'lost or doubled' }
        @{ Figure = 'floor: bare Kestrel WebSocket echo' }
        @{ Figure = 'kvs-local relayed' }
        @{ Figure = 'kvs-local p99' }
        @{ Figure = 'KvsSignalingConnection relayed' }
        @{ Figure = 'KvsSignalingConnection p99' }
    ) {
        $Results | Should -Not -BeNullOrEmpty -Because $Output
        $row = @($Results.Rows | Where-Object { $_.Figure.StartsWith($Figure) })
        $row.Count | Should -Be $(if ($Count) { $Count } else { 1 })
        foreach ($one in $row) {
            $value = 0.0
            [double]::TryParse("$($one.Median)", [System.Globalization.NumberStyles]::Float, [cultureinfo]::InvariantCulture, [ref] $value) | Should -BeTrue
            [double]::IsNaN($value) | Should -BeFalse
        }
    }
}

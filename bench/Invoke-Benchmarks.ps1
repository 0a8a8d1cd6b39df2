#Requires -Version 7.2
<#
.SYNOPSIS
    Runs the KvsSignaling benchmarks against kvs-local and prints medians, ratios and the machine.
.DESCRIPTION
    Each benchmark runs its contenders in the same run, on the same kvs-local, alternating (the order
    rotates every repetition), several repetitions, and reports medians and ratios to a baseline measured
    in that run. -Size Smoke runs every benchmark at a tiny size, only to keep the harness working (its
    figures mean nothing). Soak runs only when named. Expects the build (`./build.ps1 Build`) to be done.
.EXAMPLE
    dotnet pwsh ./bench/Invoke-Benchmarks.ps1 -Size Smoke
.EXAMPLE
    dotnet pwsh ./bench/Invoke-Benchmarks.ps1 -Name Soak -Minutes 10
#>
[CmdletBinding()]
param(
    [ValidateSet('Full', 'Smoke')] [string] $Size = 'Full',
    # Startup, Throughput, Quota, Cache, Memory, Analyzer, Signaling (the default set) and Soak; commas also separate names.
    [string[]] $Name = @('Startup', 'Throughput', 'Quota', 'Cache', 'Memory', 'Analyzer', 'Signaling'),
    [ValidateRange(1, 1440)] [int] $Minutes = 10,
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release',
    # Where the table (Markdown) and the raw figures (JSON) are written besides the console.
    [string] $OutputDirectory
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'scripts/BenchRuntime.ps1')

$known = 'Startup', 'Throughput', 'Quota', 'Cache', 'Memory', 'Analyzer', 'Signaling', 'Soak'
$Name = @($Name | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
foreach ($entry in $Name) {
    if ($entry -notin $known) { throw "Unknown benchmark '$entry'. Benchmarks: $($known -join ', ')." }
}

$root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
if (-not $OutputDirectory) { $OutputDirectory = Join-Path $root 'artifacts/bench' }
$work = Join-Path $OutputDirectory 'work'
New-Item -ItemType Directory -Force -Path $work | Out-Null

$smoke = $Size -eq 'Smoke'
$plan = if ($smoke) {
    @{ StartupRuns = 1; Channels = 20; Reps = 1; CliSample = 2; QuotaLookups = 60; MemoryChannels = 200; MemoryReps = 1
        AnalyzerFiles = 20; AnalyzerReps = 1; Warmup = 5; SignalingSeconds = 1; WindowSeconds = 0 }
} else {
    @{ StartupRuns = 10; Channels = 2000; Reps = 5; CliSample = 50; QuotaLookups = 3000; MemoryChannels = 20000; MemoryReps = 3
        AnalyzerFiles = 2000; AnalyzerReps = 3; Warmup = 50; SignalingSeconds = 10; WindowSeconds = 10 }
}
$concurrency = 8

. (Join-Path $root 'tools/BuildPaths.ps1')
$modulePath = Get-KvsModuleManifestPath -Root $root
$kvsLocalDll = Get-KvsLocalPath -Root $root -Configuration $Configuration
$benchProject = Join-Path $PSScriptRoot 'KvsSignaling.Bench/KvsSignaling.Bench.csproj'
$benchDll = Join-Path $PSScriptRoot "KvsSignaling.Bench/bin/$Configuration/net10.0/kvs-bench.dll"
$jsDir = Join-Path $PSScriptRoot 'js'
$pwshDll = Join-Path $PSHOME 'pwsh.dll'
foreach ($required in $modulePath, $kvsLocalDll) {
    if (-not (Test-Path $required)) { throw "$required is missing: run ./build.ps1 Build first." }
}

Write-Host "Preparing: building kvs-bench$(if ('Throughput' -in $Name) { ', installing the JavaScript contender' })."
$build = Invoke-BenchProcess dotnet @('build', $benchProject, '-c', $Configuration, '--nologo', '-v', 'quiet')
if ($build.ExitCode -ne 0) { throw "Building kvs-bench failed: $($build.Output)" }
if ('Throughput' -in $Name -and -not (Test-Path (Join-Path $jsDir 'node_modules/@aws-sdk/client-kinesis-video'))) {
    $npm = Invoke-BenchProcess npm @('ci', '--no-audit', '--no-fund') -WorkingDirectory $jsDir
    if ($npm.ExitCode -ne 0) { throw "npm ci in bench/js failed: $($npm.Error)" }
}

# Every contender reads the same settings: kvs-local's default credential and one region.
$env:AWS_ACCESS_KEY_ID = 'AKIDLOCAL'
$env:AWS_SECRET_ACCESS_KEY = 'kvs-local-secret'
$env:AWS_DEFAULT_REGION = 'us-west-2'
$env:AWS_REGION = 'us-west-2'
Remove-Item Env:AWS_PROFILE, Env:AWS_SESSION_TOKEN -ErrorAction SilentlyContinue
$env:AWS_CONFIG_FILE = Join-Path $work 'no-aws-config'
$env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $work 'no-aws-credentials'

$machine = Get-MachineDescription
$rows = [System.Collections.Generic.List[object]]::new()
$raw = [ordered]@{}

function New-Channels {
    param($KvsLocal, [int] $Count, [string] $Prefix, [string] $File)
    $seed = Invoke-BenchProcess dotnet @($benchDll, 'seed', '--endpoint', $KvsLocal.Url, '--count', $Count, '--prefix', $Prefix, '--out', $File)
    if ($seed.ExitCode -ne 0) { throw "Creating $Count channels failed: $($seed.Error)" }
}

function Invoke-CmdletStep {
    param([string] $Mode, [string] $ArnFile, $KvsLocal, [int] $Seconds = 0, [int] $Reps = 1)
    $env:AWS_ENDPOINT_URL_KINESIS_VIDEO = $KvsLocal.Url
    try {
        $run = Invoke-BenchProcess dotnet @($pwshDll, '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'scripts/Measure-CmdletSweep.ps1'),
            '-ModulePath', $modulePath, '-ArnFile', $ArnFile, '-Mode', $Mode, '-ThrottleLimit', $concurrency, '-Warmup', $plan.Warmup,
            '-Seconds', $Seconds, '-ServerPid', $KvsLocal.Process.Id, '-Reps', $Reps) -TimeoutSeconds 1200
    } finally { Remove-Item Env:AWS_ENDPOINT_URL_KINESIS_VIDEO }
    Read-BenchJson $run "cmdlet ($Mode)"
}

function Measure-Startup {
    # Bare pwsh, pwsh + Import-Module, pwsh + Import-Module + first lookup; each a fresh process, alternating.
    $kvs = Start-BenchKvsLocal $kvsLocalDll @('--quotas', 'off')
    try {
        $arnFile = Join-Path $work 'startup-arns.txt'
        New-Channels $kvs 1 'startup-' $arnFile
        $arn = @(Get-Content $arnFile)[0]
        $quotedModule = $modulePath.Replace("'", "''")
        $commands = [ordered]@{
            bare   = 'exit 0'
            import = "Import-Module '$quotedModule'; exit 0"
            lookup = "Import-Module '$quotedModule'; `$null = Get-KvsSignalingChannelEndpoint -ChannelARN '$arn' -EndpointUrl '$($kvs.Url)' -ErrorAction Stop; exit 0"
        }
        $times = @{ bare = @(); import = @(); lookup = @() }
        for ($rep = 0; $rep -lt $plan.StartupRuns; $rep++) {
            foreach ($contender in Get-RotatedOrder @($commands.Keys) $rep) {
                $run = Invoke-BenchProcess dotnet @($pwshDll, '-NoProfile', '-NonInteractive', '-Command', $commands[$contender]) -TimeoutSeconds 120
                if ($run.ExitCode -ne 0) { throw "Start-up contender '$contender' failed (exit $($run.ExitCode)): $($run.Error)" }
                $times[$contender] += $run.Seconds * 1000
            }
        }
        $bare = Get-Median $times.bare; $import = Get-Median $times.import; $lookup = Get-Median $times.lookup
        $raw.Startup = $times
        $label = "Start-up ($pwshDll)"
        $rows.Add((New-BenchRow $label 'floor: pwsh -NoProfile -Command exit' $bare 'ms' $plan.StartupRuns 'baseline' -Spread (Get-Spread $times.bare '{0:F0}')))
        $rows.Add((New-BenchRow $label '+ Import-Module KvsSignaling' $import 'ms' $plan.StartupRuns "+$('{0:F0}' -f ($import - $bare)) ms" '≤ +100 ms' (Test-Target ($import - $bare) 100 -AtMost) -Spread (Get-Spread $times.import '{0:F0}')))
        $rows.Add((New-BenchRow $label '+ first Get-KvsSignalingChannelEndpoint' $lookup 'ms' $plan.StartupRuns "+$('{0:F0}' -f ($lookup - $import)) ms" '≤ +250 ms' (Test-Target ($lookup - $import) 250 -AtMost) -Spread (Get-Spread $times.lookup '{0:F0}')))
    } finally { Stop-BenchKvsLocal $kvs }
}

function Measure-Throughput {
    $kvs = Start-BenchKvsLocal $kvsLocalDll @('--quotas', 'off', '--channel-limit', '100000')
    try {
        $arnFile = Join-Path $work 'throughput-arns.txt'
        New-Channels $kvs $plan.Channels 'tp-' $arnFile
        $cliFile = Join-Path $work 'throughput-cli-arns.txt'
        Get-Content $arnFile -TotalCount $plan.CliSample | Set-Content $cliFile
        $common = @('--endpoint', $kvs.Url, '--arns', $arnFile, '--concurrency', $concurrency, '--warmup', $plan.Warmup)
        $windowed = $common + @('--seconds', $plan.WindowSeconds, '--server-pid', $kvs.Process.Id)
        $contenders = [ordered]@{
            raw    = { Read-BenchJson (Invoke-BenchProcess dotnet (@($benchDll, 'raw') + $windowed)) 'raw' }
            core   = { Read-BenchJson (Invoke-BenchProcess dotnet (@($benchDll, 'core') + $windowed)) 'core' }
            cmdlet = { Invoke-CmdletStep Throughput $arnFile $kvs $plan.WindowSeconds }
            js     = { Read-BenchJson (Invoke-BenchProcess node (@((Join-Path $jsDir 'lookup.mjs')) + $common) -WorkingDirectory $jsDir) 'js' }
            cli    = { Measure-AwsCli $kvs.Url $cliFile }
        }
        $rates = @{}; $cpu = @{}; $serverCpu = @{}
        foreach ($key in $contenders.Keys) { $rates[$key] = @(); $cpu[$key] = @(); $serverCpu[$key] = @() }
        for ($rep = 0; $rep -lt $plan.Reps; $rep++) {
            foreach ($contender in Get-RotatedOrder @($contenders.Keys) $rep) {
                $result = & $contenders[$contender]
                if ($result.errors -gt 0) { throw "Throughput contender '$contender' had $($result.errors) errors: $(if ($result.PSObject.Properties['firstError']) { $result.firstError })" }
                $rates[$contender] += $result.count / $result.seconds
                if ($result.PSObject.Properties['cpuSeconds']) { $cpu[$contender] += $result.cpuSeconds / $result.count * 1e6 }
                if ($result.PSObject.Properties['serverCpuSeconds'] -and $null -ne $result.serverCpuSeconds) { $serverCpu[$contender] += $result.serverCpuSeconds / $result.count * 1e6 }
            }
        }
        $raw.Throughput = @{ Rates = $rates; ClientCpuMicrosecondsPerLookup = $cpu; ServerCpuMicrosecondsPerLookup = $serverCpu }
        $m = @{}; foreach ($key in $rates.Keys) { $m[$key] = Get-Median $rates[$key] }
        $label = "Throughput ($($plan.Channels) channels, concurrency $concurrency, quotas off, windows ≥ $($plan.WindowSeconds) s)"
        $rateSpread = { param($key) Get-Spread $rates[$key] '{0:F0}' }
        $rows.Add((New-BenchRow $label '(a) floor: HttpClient + AWSSigV4Signer' $m.raw 'lookups/s' $plan.Reps 'baseline' -Spread (& $rateSpread raw)))
        $rows.Add((New-BenchRow $label '(b) core library, cache off' $m.core 'lookups/s' $plan.Reps ('b/a {0:F2}' -f ($m.core / $m.raw)) '≥ 0.95' (Test-Target ($m.core / $m.raw) 0.95) -Spread (& $rateSpread core)))
        $rows.Add((New-BenchRow $label '(c) cmdlet, ARNs piped, -Force' $m.cmdlet 'lookups/s' $plan.Reps ('c/a {0:F2}' -f ($m.cmdlet / $m.raw)) '≥ 0.7' (Test-Target ($m.cmdlet / $m.raw) 0.7) -Spread (& $rateSpread cmdlet)))
        foreach ($key in 'raw', 'core', 'cmdlet') {
            $name = @{ raw = '(a)'; core = '(b)'; cmdlet = '(c)' }[$key]
            $server = if ($serverCpu[$key].Count) { 'server {0:F0} µs/lookup over the same window' -f (Get-Median $serverCpu[$key]) } else { '' }
            $rows.Add((New-BenchRow $label "$name client CPU per lookup" (Get-Median $cpu[$key]) 'µs' $plan.Reps $server 'report' -Spread (Get-Spread $cpu[$key] '{0:F0}')))
        }
        $rows.Add((New-BenchRow $label '(d) AWS SDK for JavaScript v3' $m.js 'lookups/s' $plan.Reps ('c/d {0:F2}' -f ($m.cmdlet / $m.js)) 'c/d ≥ 1.0' (Test-Target ($m.cmdlet / $m.js) 1.0)))
        $rows.Add((New-BenchRow $label "(e) aws CLI, a process per lookup ($($plan.CliSample)-channel sample)" $m.cli 'lookups/s' $plan.Reps ('c/e {0:F1}' -f ($m.cmdlet / $m.cli)) 'report'))
    } finally { Stop-BenchKvsLocal $kvs }
}

function Measure-AwsCli {
    # One `aws` process per lookup, $concurrency of them at a time; lookups/s over the sample.
    param([string] $Url, [string] $ArnFile)
    $arns = @(Get-Content $ArnFile)
    $running = [System.Collections.Generic.List[System.Diagnostics.Process]]::new()
    $failures = 0
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    foreach ($arn in $arns) {
        while ($running.Count -ge $concurrency) {
            $done = @($running | Where-Object HasExited)
            if ($done.Count -eq 0) { $null = $running[0].WaitForExit(50); continue }
            foreach ($process in $done) { if ($process.ExitCode -ne 0) { $failures++ }; $null = $running.Remove($process) }
        }
        $info = [System.Diagnostics.ProcessStartInfo]::new('aws')
        foreach ($arg in 'kinesisvideo', 'get-signaling-channel-endpoint', '--endpoint-url', $Url, '--channel-arn', $arn,
            '--single-master-channel-endpoint-configuration', 'Protocols=WSS,HTTPS,Role=MASTER', '--output', 'json') { $info.ArgumentList.Add($arg) }
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($info)
        $null = $process.StandardOutput.ReadToEndAsync(); $null = $process.StandardError.ReadToEndAsync()
        $running.Add($process)
    }
    foreach ($process in $running) {
        if (-not $process.WaitForExit(120000)) { $process.Kill(); $failures++ } elseif ($process.ExitCode -ne 0) { $failures++ }
    }
    $watch.Stop()
    [pscustomobject]@{ contender = 'cli'; count = $arns.Count; errors = $failures; seconds = $watch.Elapsed.TotalSeconds; firstError = 'an aws process exited non-zero' }
}

function Measure-Quota {
    # kvs-local's real GetSignalingChannelEndpoint quota (300 TPS per account); channels created fast.
    $kvs = Start-BenchKvsLocal $kvsLocalDll @('--quota', 'CreateSignalingChannel=100000')
    try {
        $arnFile = Join-Path $work 'quota-arns.txt'
        New-Channels $kvs $plan.QuotaLookups 'quota-' $arnFile
        $result = Invoke-CmdletStep Quota $arnFile $kvs
        $raw.Quota = $result
        $rate = $result.count / $result.seconds
        $limit = $plan.QuotaLookups / (300 * 0.95)
        $label = "At the quota ($($plan.QuotaLookups) lookups, 300 TPS)"
        $rows.Add((New-BenchRow $label 'cmdlet -Force, elapsed' $result.seconds 's' 1 ('{0:F0}/s = {1:P0} of quota' -f $rate, ($rate / 300)) ('≤ {0:F1} s' -f $limit) (Test-Target $result.seconds $limit -AtMost)))
        $rows.Add((New-BenchRow $label 'errors surfaced' $result.errors 'errors' 1 '' '0' $(if ($result.errors -eq 0) { 'yes' } else { 'NO' })))
        # The cmdlet has no pacing switch; the core's MaxRequestsPerSecond shows what pacing achieves on the same server.
        $paced = Read-BenchJson (Invoke-BenchProcess dotnet @($benchDll, 'core', '--endpoint', $kvs.Url, '--arns', $arnFile, '--concurrency', $concurrency, '--warmup', 0, '--max-rps', 300)) 'core (paced)'
        $raw.QuotaPacedCore = $paced
        $pacedRate = $paced.count / $paced.seconds
        $rows.Add((New-BenchRow $label 'core, MaxRequestsPerSecond 300, elapsed (reference)' $paced.seconds 's' 1 ('{0:F0}/s = {1:P0} of quota, {2} errors' -f $pacedRate, ($pacedRate / 300), $paced.errors) ('≤ {0:F1} s' -f $limit) (Test-Target $paced.seconds $limit -AtMost)))
    } finally { Stop-BenchKvsLocal $kvs }
}

function Measure-Cache {
    $kvs = Start-BenchKvsLocal $kvsLocalDll @('--quotas', 'off', '--channel-limit', '100000')
    try {
        $arnFile = Join-Path $work 'cache-arns.txt'
        New-Channels $kvs $plan.Channels 'cache-' $arnFile
        # One process: the first sweep, then the cached sweep and a Write-Output pass of the same input alternate,
        # each a timed window (per-pass time = window / passes).
        $result = Invoke-CmdletStep Cache $arnFile $kvs $plan.WindowSeconds $plan.Reps
        if ($result.errors -gt 0) { throw "Cache sweep had $($result.errors) errors: $($result.firstError)" }
        $raw.Cache = $result
        $second = @($result.secondSeconds); $floor = @($result.floorSeconds)
        $ratios = @(for ($i = 0; $i -lt [Math]::Min($second.Count, $floor.Count); $i++) { $second[$i] / $floor[$i] })
        $label = "Cache ($($plan.Channels) channels, cmdlet without -Force, windows ≥ $($plan.WindowSeconds) s)"
        $rows.Add((New-BenchRow $label 'first sweep' $result.firstSeconds 's' 1))
        $rows.Add((New-BenchRow $label 'floor: Write-Output pass of the same ARNs' (Get-Median $floor) 's' $floor.Count 'baseline' -Spread (Get-Spread $floor '{0:F3}')))
        $rows.Add((New-BenchRow $label "second sweep ($($result.secondFromCache) of $($result.secondCount) from cache)" (Get-Median $second) 's' $second.Count ('{0:F1}× faster than the first' -f ($result.firstSeconds / (Get-Median $second))) -Spread (Get-Spread $second '{0:F3}')))
        $rows.Add((New-BenchRow $label 'second sweep / Write-Output pass (per window pair)' (Get-Median $ratios) '×' $ratios.Count '' '≤ 3×' (Test-Target (Get-Median $ratios) 3 -AtMost) -Spread (Get-Spread $ratios '{0:F2}')))
        $rows.Add((New-BenchRow $label 'second sweep, client CPU per lookup' ((Get-Median @($result.secondCpuPerLookup)) * 1e6) 'µs' $second.Count ('Write-Output pass {0:F1} µs' -f ((Get-Median @($result.floorCpuPerLookup)) * 1e6)) 'report'))
    } finally { Stop-BenchKvsLocal $kvs }
}

function Measure-Memory {
    $kvs = Start-BenchKvsLocal $kvsLocalDll @('--quotas', 'off', '--channel-limit', '100000')
    try {
        $arnFile = Join-Path $work 'memory-arns.txt'
        New-Channels $kvs $plan.MemoryChannels 'mem-' $arnFile
        $growth = @(); $idle = @()
        for ($rep = 0; $rep -lt $plan.MemoryReps; $rep++) {
            $result = Invoke-CmdletStep Memory $arnFile $kvs
            if ($result.count -ne $plan.MemoryChannels) { throw "Memory sweep wrote $($result.count) of $($plan.MemoryChannels) objects ($($result.errors) errors)." }
            $growth += $result.growthBytes / 1MB; $idle += $result.idlePeakBytes / 1MB
        }
        $raw.Memory = @{ GrowthMB = $growth; IdlePeakMB = $idle }
        $label = "Memory ($($plan.MemoryChannels)-channel sweep, cmdlet)"
        $rows.Add((New-BenchRow $label 'peak working set, idle imported module' (Get-Median $idle) 'MB' $plan.MemoryReps))
        $rows.Add((New-BenchRow $label 'peak working set growth' (Get-Median $growth) 'MB' $plan.MemoryReps '' '≤ 100 MB' (Test-Target (Get-Median $growth) 100 -AtMost)))
    } finally { Stop-BenchKvsLocal $kvs }
}

function Measure-Analyzer {
    $projectDir = Join-Path $work 'analyzer-project'
    $library = Join-Path $root "src/KvsSignaling/bin/$Configuration/net8.0/KvsSignaling.dll"
    $analyzer = Join-Path $root "analyzers/KvsSignaling.Analyzers/bin/$Configuration/netstandard2.0/KvsSignaling.Analyzers.dll"
    foreach ($required in $library, $analyzer) { if (-not (Test-Path $required)) { throw "$required is missing: run ./build.ps1 Build first." } }
    $gen = Invoke-BenchProcess dotnet @($benchDll, 'gen-analyzer-project', '--out', $projectDir, '--files', $plan.AnalyzerFiles, '--sites-per-file', 10, '--library', $library, '--analyzer', $analyzer)
    if ($gen.ExitCode -ne 0) { throw "Generating the analyzer project failed: $($gen.Error)" }
    $project = Join-Path $projectDir 'AnalyzerLoad.csproj'
    $restore = Invoke-BenchProcess dotnet @('restore', $project, '--nologo')
    if ($restore.ExitCode -ne 0) { throw "Restoring the analyzer project failed: $($restore.Output)" }
    # Both contenders build with the same flags (only WithKvsAnalyzer differs), once with the SDK's default analyzers
    # off and once on. Each timed figure is a window of back-to-back builds of at least 10 s after an untimed warm-up
    # build; the per-build time of a window is its length over its builds. The analyzer's own time comes from a
    # separate, untimed ReportAnalyzer build, so its extra logging is in no timed window.
    $windowSeconds = if ($smoke) { 1 } else { 10 }
    $raw.Analyzer = [ordered]@{}
    foreach ($sdkAnalyzers in @('off', 'on')) {
        $common = @('build', $project, '--no-incremental', '--no-restore', '--nologo', '-v:quiet', "-p:EnableNETAnalyzers=$($sdkAnalyzers -eq 'on')")
        $invoke = {
            param([string] $contender, [string[]] $extra)
            $run = Invoke-BenchProcess dotnet ($common + @("-p:WithKvsAnalyzer=$($contender -eq 'with')") + $extra) -TimeoutSeconds 900
            if ($run.ExitCode -ne 0) { throw "Building the analyzer project ($contender analyzer, SDK analyzers $sdkAnalyzers) failed: $($run.Output | Select-Object -Last 20)" }
            $run
        }
        foreach ($contender in 'without', 'with') { & $invoke $contender @() | Out-Null }
        $times = @{ without = @(); with = @() }; $ratios = @()
        for ($rep = 0; $rep -lt $plan.AnalyzerReps; $rep++) {
            $window = @{}
            foreach ($contender in Get-RotatedOrder @('without', 'with') $rep) {
                $elapsed = 0.0; $builds = 0
                while ($elapsed -lt $windowSeconds) { $elapsed += (& $invoke $contender @()).Seconds; $builds++ }
                $window[$contender] = $elapsed / $builds
                $times[$contender] += $window[$contender]
            }
            $ratios += $window.with / $window.without
        }
        $report = & $invoke 'with' @('-p:ReportAnalyzer=true', '-v:detailed')
        $match = [regex]::Match($report.Output, '(?m)^\s*(\d+(?:\.\d+)?)\s+\d+\s+KvsSignaling\.Analyzers')
        if (-not $match.Success) { $match = [regex]::Match($report.Output, '(?m)([\d.]+)\s+\S+\s+KvsSignaling\.Analyzers, Version') }
        $analyzerSeconds = if ($match.Success) { [double] $match.Groups[1].Value } else { [double]::NaN }
        $raw.Analyzer[$sdkAnalyzers] = @{ Without = $times.without; With = $times.with; Ratios = $ratios; AnalyzerSeconds = $analyzerSeconds }
        $without = Get-Median $times.without; $with = Get-Median $times.with
        $spread = { param([double[]] $values, [string] $format) "spread $($format -f ($values | Measure-Object -Minimum).Minimum)–$($format -f ($values | Measure-Object -Maximum).Maximum)" }
        $label = "Analyzer ($($plan.AnalyzerFiles) files, $($plan.AnalyzerFiles * 10) call sites, --no-incremental, SDK analyzers $sdkAnalyzers, windows ≥ $windowSeconds s)"
        $rows.Add((New-BenchRow $label 'build without analyzer' $without 's' $plan.AnalyzerReps (& $spread $times.without '{0:F3} s') ))
        $rows.Add((New-BenchRow $label 'build with analyzer' $with 's' $plan.AnalyzerReps (& $spread $times.with '{0:F3} s')))
        $rows.Add((New-BenchRow $label 'with / without (per window pair)' (Get-Median $ratios) '×' $plan.AnalyzerReps (& $spread $ratios '{0:F3}×') '≤ 1.03×' (Test-Target (Get-Median $ratios) 1.03 -AtMost)))
        $rows.Add((New-BenchRow $label 'analyzer time (ReportAnalyzer, untimed build)' $analyzerSeconds 's' 1 '' 'report'))
    }
}

function Measure-Signaling {
    # In-process kvs-local (quotas off) and a bare Kestrel WebSocket echo, alternating inside one kvs-bench run.
    $run = Invoke-BenchProcess dotnet @($benchDll, 'signaling', '--seconds', $plan.SignalingSeconds, '--reps', $plan.Reps, '--window', 8) -TimeoutSeconds 900
    $result = Read-BenchJson $run 'signaling'
    $raw.Signaling = $result
    $kvs = $result.'kvs-local'; $floor = $result.floor
    $rate = Get-Median $kvs.rates; $floorRate = Get-Median $floor.rates
    $label = 'Signaling (1 master + 10 viewers, 8 messages in flight each, quotas off)'
    $rows.Add((New-BenchRow $label 'floor: bare Kestrel WebSocket echo, 11 clients' $floorRate 'messages/s' $plan.Reps 'baseline'))
    $rows.Add((New-BenchRow $label 'kvs-local relayed' $rate 'messages/s' $plan.Reps ('{0:F2} of floor' -f ($rate / $floorRate)) '≥ 20,000/s and ≥ 0.5× floor' $(if ($rate -ge 20000 -and $rate / $floorRate -ge 0.5) { 'yes' } else { 'NO' })))
    $rows.Add((New-BenchRow $label 'kvs-local p50 send→receive' (Get-Median $kvs.p50Ms) 'ms' $plan.Reps ('floor {0:F3} ms' -f (Get-Median $floor.p50Ms)) 'report'))
    $rows.Add((New-BenchRow $label 'kvs-local p99 send→receive' (Get-Median $kvs.p99Ms) 'ms' $plan.Reps ('floor {0:F3} ms' -f (Get-Median $floor.p99Ms)) '< 5 ms' (Test-Target (Get-Median $kvs.p99Ms) 5 -AtMost)))
    # The same workload through the library's KvsSignalingConnection, beside raw ClientWebSockets on the same kvs-local.
    $library = $result.library
    $libraryRate = Get-Median $library.rates
    $spread = "spread $('{0:F0}' -f ($library.rates | Measure-Object -Minimum).Minimum)–$('{0:F0}' -f ($library.rates | Measure-Object -Maximum).Maximum)"
    $rows.Add((New-BenchRow $label 'KvsSignalingConnection relayed' $libraryRate 'messages/s' $plan.Reps ('{0:F2} of raw ClientWebSocket, {1}' -f ($libraryRate / $rate), $spread) 'report'))
    $rows.Add((New-BenchRow $label 'KvsSignalingConnection p99 send→receive' (Get-Median $library.p99Ms) 'ms' $plan.Reps ('raw {0:F3} ms' -f (Get-Median $kvs.p99Ms)) 'report'))
}

function Measure-Soak {
    $seconds = if ($smoke) { 5 } else { $Minutes * 60 }
    Write-Host "Soak: $seconds s at 200 lookups/s with 1% injected faults."
    $run = Invoke-BenchProcess dotnet @($benchDll, 'soak', '--seconds', $seconds, '--rate', 200) -TimeoutSeconds ($seconds + 300)
    Write-Host $run.Output
    $summary = [regex]::Match($run.Output, 'soak: (\d+) lookups in ([\d.]+) s \((\d+)/s\): (\d+) succeeded, (\d+) surfaced one error, (\d+) lost, (\d+) settled more than once')
    if (-not $summary.Success) { throw "The soak printed no summary (exit $($run.ExitCode)): $($run.Error)" }
    $memory = @([regex]::Matches($run.Output, 'working set ([\d.]+) MB') | ForEach-Object { [double] $_.Groups[1].Value })
    $raw.Soak = $run.Output
    $label = "Soak ($seconds s, 200/s, 1% faults, core library)"
    $g = $summary.Groups
    $rows.Add((New-BenchRow $label 'lookups (succeeded / one error each)' ([double] $g[1].Value) 'lookups' 1 "$($g[4].Value) / $($g[5].Value)"))
    $rows.Add((New-BenchRow $label 'lost or doubled' ([double] $g[6].Value + [double] $g[7].Value) 'lookups' 1 '' '0' $(if ($run.ExitCode -eq 0) { 'yes' } else { 'NO' })))
    $rows.Add((New-BenchRow $label 'working set, first → last sample' $memory[-1] 'MB' 1 ('{0:F1} → {1:F1} MB' -f $memory[0], $memory[-1]) 'flat' ''))
}

$stamp = [DateTime]::UtcNow.ToString('yyyyMMdd-HHmmss')
foreach ($benchmark in $Name) {
    Write-Host "=== $benchmark ($Size) ===" -ForegroundColor Cyan
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    & "Measure-$benchmark"
    Write-Host ("{0} took {1:F1} s" -f $benchmark, $watch.Elapsed.TotalSeconds)
    # Written after every benchmark, so a long run that is stopped keeps what it measured.
    $table = Format-BenchTable $machine $rows $Size
    $table | Set-Content -Path (Join-Path $OutputDirectory "results-$Size-$stamp.md")
    [ordered]@{ Machine = $machine; Size = $Size; Rows = $rows; Raw = $raw } | ConvertTo-Json -Depth 6 |
        Set-Content -Path (Join-Path $OutputDirectory "results-$Size-$stamp.json")
}

Write-Host ''
Write-Host $table
Write-Host "Results written to $OutputDirectory (results-$Size-$stamp.md, .json)."

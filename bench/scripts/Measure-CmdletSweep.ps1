# Runs in a fresh pwsh: imports the module and measures one benchmark step with the cmdlets, printing one
# JSON line. The AWS settings (keys, region, endpoint) come from the environment the caller sets.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ArnFile,
    [Parameter(Mandatory)] [ValidateSet('Throughput', 'Quota', 'Cache', 'Memory')] [string] $Mode,
    [int] $ThrottleLimit = 8,
    [int] $Warmup = 50,
    # The timed window: sweeps repeat until it has lasted this long (0: one sweep).
    [int] $Seconds = 0,
    # kvs-local's process, whose CPU time over the window is reported beside this process's.
    [int] $ServerPid = 0,
    # Cache mode: alternating repetitions of the cached sweep and the Write-Output pass.
    [int] $Reps = 1
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

function Invoke-Sweep {
    # Times one pass of the ARNs through Get-KvsSignalingChannelEndpoint; counts objects and errors.
    # Output is counted as it streams, never collected, so the memory figure is the cmdlet's own.
    # -CountCacheHits also reads every object's FromCache; timed windows leave it off, so their consumer does just
    # what the Write-Output pass's does (count).
    param($InputArns, [switch] $Force, [string] $Role = 'MASTER', [double] $MaxRequestsPerSecond = 0, [switch] $CountCacheHits)
    $sweepErrors = $null
    $count = 0
    $fromCache = 0
    $pacing = if ($MaxRequestsPerSecond -gt 0) { @{ MaxRequestsPerSecond = $MaxRequestsPerSecond } } else { @{} }
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    if ($CountCacheHits) {
        $InputArns | Get-KvsSignalingChannelEndpoint -Role $Role -ThrottleLimit $ThrottleLimit -Force:$Force @pacing -ErrorAction SilentlyContinue -ErrorVariable sweepErrors |
            ForEach-Object { $count++; if ($_.FromCache) { $fromCache++ } }
    } else {
        $InputArns | Get-KvsSignalingChannelEndpoint -Role $Role -ThrottleLimit $ThrottleLimit -Force:$Force @pacing -ErrorAction SilentlyContinue -ErrorVariable sweepErrors |
            ForEach-Object { $count++ }
    }
    $watch.Stop()
    [pscustomobject]@{ Count = $count; Errors = @($sweepErrors).Count; Seconds = $watch.Elapsed.TotalSeconds; FirstError = "$(@($sweepErrors)[0])"
        FromCache = $fromCache }
}

function Measure-Window {
    # Runs a pass again and again until the window has lasted -Seconds; lookups, wall time, this process's and the
    # server's CPU time over the window.
    param([scriptblock] $Pass, [int] $PerPass)
    $self = [System.Diagnostics.Process]::GetCurrentProcess()
    $server = if ($ServerPid -gt 0) { [System.Diagnostics.Process]::GetProcessById($ServerPid) }
    $cpu = $self.TotalProcessorTime; $serverCpu = if ($server) { $server.TotalProcessorTime }
    $count = 0; $errors = 0; $cached = 0; $firstError = ''
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    do {
        $run = & $Pass
        $count += $run.Count; $errors += $run.Errors; $cached += $run.FromCache
        if (-not $firstError) { $firstError = $run.FirstError }
    } while ($watch.Elapsed.TotalSeconds -lt $Seconds)
    $elapsed = $watch.Elapsed.TotalSeconds
    $self.Refresh(); if ($server) { $server.Refresh() }
    [pscustomobject]@{ Count = $count; Errors = $errors; Seconds = $elapsed; FromCache = $cached; FirstError = $firstError
        CpuSeconds = ($self.TotalProcessorTime - $cpu).TotalSeconds
        ServerCpuSeconds = if ($server) { ($server.TotalProcessorTime - $serverCpu).TotalSeconds } else { $null } }
}

function Invoke-WriteOutputPass {
    # The floor of any per-object pipeline: the same input through Write-Output, counted the same way.
    param($InputArns)
    $count = 0
    $InputArns | Write-Output | ForEach-Object { $count++ }
    [pscustomobject]@{ Count = $count; Errors = 0; FromCache = 0; FirstError = '' }
}

$arns = @(Get-Content -Path $ArnFile -TotalCount ([Math]::Max($Warmup, 1)))
$result = switch ($Mode) {
    'Throughput' {
        $null = Invoke-Sweep $arns -Force
        $all = Get-Content -Path $ArnFile
        $run = Measure-Window { Invoke-Sweep $all -Force }
        [pscustomobject]@{ contender = 'cmdlet'; count = $run.Count; errors = $run.Errors; seconds = $run.Seconds; firstError = $run.FirstError
            cpuSeconds = $run.CpuSeconds; serverCpuSeconds = $run.ServerCpuSeconds }
    }
    'Quota' {
        # Warm up, then let kvs-local's one-second bucket refill so the measured sweep starts from a full quota.
        # The cmdlet paces itself just under the 300 TPS quota instead of being throttled and retrying.
        $null = Invoke-Sweep $arns -Force -MaxRequestsPerSecond 295
        Start-Sleep -Seconds 1.5
        $all = Get-Content -Path $ArnFile
        $run = Invoke-Sweep $all -Force -MaxRequestsPerSecond 295
        [pscustomobject]@{ contender = 'cmdlet'; count = $run.Count; errors = $run.Errors; seconds = $run.Seconds; firstError = $run.FirstError }
    }
    'Cache' {
        # The warm-up asks for VIEWER, which the cache keeps apart from the MASTER sweeps measured below.
        $null = Invoke-Sweep $arns -Role VIEWER
        $null = Invoke-WriteOutputPass $arns
        $all = Get-Content -Path $ArnFile
        $first = Invoke-Sweep $all
        # Then the cached sweep and the Write-Output pass of the same input alternate, each a timed window.
        $cachedWindows = @(); $floorWindows = @(); $errors = $first.Errors
        for ($rep = 0; $rep -lt $Reps; $rep++) {
            $order = if ($rep % 2) { 'floor', 'cached' } else { 'cached', 'floor' }
            foreach ($contender in $order) {
                if ($contender -eq 'cached') {
                    $window = Measure-Window { Invoke-Sweep $all }
                    $errors += $window.Errors
                    $cachedWindows += $window
                } else {
                    $floorWindows += Measure-Window { Invoke-WriteOutputPass $all }
                }
            }
        }
        # Untimed: every answer of a sweep after the first comes from the cache.
        $check = Invoke-Sweep $all -CountCacheHits
        $errors += $check.Errors; $fromCache = $check.FromCache; $secondCount = $check.Count
        [pscustomobject]@{ contender = 'cache'; count = $first.Count; errors = $errors; firstSeconds = $first.Seconds; firstError = $first.FirstError
            secondSeconds = @($cachedWindows | ForEach-Object { $_.Seconds / $_.Count * $all.Count })
            secondCpuPerLookup = @($cachedWindows | ForEach-Object { $_.CpuSeconds / $_.Count })
            floorSeconds = @($floorWindows | ForEach-Object { $_.Seconds / $_.Count * $all.Count })
            floorCpuPerLookup = @($floorWindows | ForEach-Object { $_.CpuSeconds / $_.Count })
            secondCount = $secondCount; secondFromCache = $fromCache }
    }
    'Memory' {
        $null = Invoke-Sweep $arns
        [GC]::Collect()
        $self = Get-Process -Id $PID
        $idlePeak = $self.PeakWorkingSet64
        $count = 0
        $sweepErrors = $null
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        # ARNs stream from the file one line at a time; nothing holds the whole input or output.
        Get-Content -Path $ArnFile -ReadCount 1 |
            Get-KvsSignalingChannelEndpoint -ThrottleLimit $ThrottleLimit -ErrorAction SilentlyContinue -ErrorVariable sweepErrors |
            ForEach-Object { $count++ }
        $watch.Stop()
        $self.Refresh()
        [pscustomobject]@{ contender = 'memory'; count = $count; errors = @($sweepErrors).Count; seconds = $watch.Elapsed.TotalSeconds
            idlePeakBytes = $idlePeak; peakBytes = $self.PeakWorkingSet64; growthBytes = $self.PeakWorkingSet64 - $idlePeak }
    }
}
$result | ConvertTo-Json -Compress

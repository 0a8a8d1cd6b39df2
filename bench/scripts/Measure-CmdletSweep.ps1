# Runs in a fresh pwsh: imports the module and measures one benchmark step with the cmdlets, printing one
# JSON line. The AWS settings (keys, region, endpoint) come from the environment the caller sets.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ArnFile,
    [Parameter(Mandatory)] [ValidateSet('Throughput', 'Quota', 'Cache', 'Memory')] [string] $Mode,
    [int] $ThrottleLimit = 8,
    [int] $Warmup = 50
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

function Invoke-Sweep {
    # Times one pass of the ARNs through Get-KvsSignalingChannelEndpoint; counts objects and errors.
    # Output is counted as it streams, never collected, so the memory figure is the cmdlet's own.
    param($InputArns, [switch] $Force, [string] $Role = 'MASTER', [double] $MaxRequestsPerSecond = 0)
    $sweepErrors = $null
    $count = 0
    $fromCache = 0
    $pacing = if ($MaxRequestsPerSecond -gt 0) { @{ MaxRequestsPerSecond = $MaxRequestsPerSecond } } else { @{} }
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $InputArns | Get-KvsSignalingChannelEndpoint -Role $Role -ThrottleLimit $ThrottleLimit -Force:$Force @pacing -ErrorAction SilentlyContinue -ErrorVariable sweepErrors |
        ForEach-Object { $count++; if ($_.FromCache) { $fromCache++ } }
    $watch.Stop()
    [pscustomobject]@{ Count = $count; Errors = @($sweepErrors).Count; Seconds = $watch.Elapsed.TotalSeconds; FirstError = "$(@($sweepErrors)[0])"
        FromCache = $fromCache }
}

$arns = @(Get-Content -Path $ArnFile -TotalCount ([Math]::Max($Warmup, 1)))
$result = switch ($Mode) {
    'Throughput' {
        $null = Invoke-Sweep $arns -Force
        $all = Get-Content -Path $ArnFile
        $run = Invoke-Sweep $all -Force
        [pscustomobject]@{ contender = 'cmdlet'; count = $run.Count; errors = $run.Errors; seconds = $run.Seconds; firstError = $run.FirstError }
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
        $all = Get-Content -Path $ArnFile
        $first = Invoke-Sweep $all
        $second = Invoke-Sweep $all
        [pscustomobject]@{ contender = 'cache'; count = $first.Count; errors = $first.Errors + $second.Errors; firstSeconds = $first.Seconds
            secondSeconds = $second.Seconds; secondCount = $second.Count; secondFromCache = $second.FromCache; firstError = $first.FirstError }
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

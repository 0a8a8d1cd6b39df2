# What every benchmark step shares: kvs-local processes, child processes, medians, the machine description
# and the results table. Dot-sourced by bench/Invoke-Benchmarks.ps1.

function Start-BenchKvsLocal {
    # Starts the kvs-local executable on a free port and returns its process and base URL.
    param([string] $Dll, [string[]] $ArgumentList = @())
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($arg in @($Dll, '--port', '0') + $ArgumentList) { $info.ArgumentList.Add($arg) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $null = $process.StandardError.ReadToEndAsync()
    $read = $process.StandardOutput.ReadLineAsync()
    if (-not $read.Wait([TimeSpan]::FromSeconds(60)) -or $read.Result -notmatch 'listening on (http://\S+)') {
        if (-not $process.HasExited) { $process.Kill() }
        throw "kvs-local did not print its ready line (got '$($read.Result)')."
    }
    [pscustomobject]@{ Process = $process; Url = $Matches[1].TrimEnd('/') }
}

function Stop-BenchKvsLocal {
    param($KvsLocal)
    if ($KvsLocal -and -not $KvsLocal.Process.HasExited) {
        $KvsLocal.Process.Kill()
        $null = $KvsLocal.Process.WaitForExit(10000)
    }
}

function Invoke-BenchProcess {
    # Runs a process to its end (bounded by TimeoutSeconds) and returns exit code, output and wall time.
    param([string] $FilePath, [string[]] $ArgumentList, [int] $TimeoutSeconds = 600, [string] $WorkingDirectory)
    $info = [System.Diagnostics.ProcessStartInfo]::new($FilePath)
    foreach ($arg in $ArgumentList) { $info.ArgumentList.Add($arg) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    if ($WorkingDirectory) { $info.WorkingDirectory = $WorkingDirectory }
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $process = [System.Diagnostics.Process]::Start($info)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill($true)
        throw "$FilePath $($ArgumentList -join ' ') did not finish within $TimeoutSeconds s."
    }
    $process.WaitForExit()
    $watch.Stop()
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Error = $stderr.Result; Seconds = $watch.Elapsed.TotalSeconds }
}

function Read-BenchJson {
    # The last line of a contender's output that is a JSON object; a missing one names the contender.
    param($Run, [string] $Contender)
    $lines = @($Run.Output -split "`n" | Where-Object { $_.TrimStart().StartsWith('{') })
    $line = if ($lines.Count -gt 0) { $lines[-1] }
    if ($Run.ExitCode -ne 0 -or -not $line) {
        throw "$Contender produced no figure (exit $($Run.ExitCode)): $($Run.Error.Trim()) $($Run.Output.Trim())"
    }
    $line | ConvertFrom-Json
}

function Get-Median {
    param([double[]] $Values)
    $sorted = @($Values | Sort-Object)
    if ($sorted.Count -eq 0) { return [double]::NaN }
    $middle = [Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Get-RotatedOrder {
    # Contender order for repetition N: rotated each time, so none always runs first (cold) or last.
    param([string[]] $Names, [int] $Repetition)
    $shift = $Repetition % $Names.Count
    @($Names[$shift..($Names.Count - 1)]) + @(if ($shift -gt 0) { $Names[0..($shift - 1)] })
}

function Get-MachineDescription {
    $memory = if (Test-Path /proc/meminfo) {
        $kb = [double] ((Select-String -Path /proc/meminfo -Pattern '^MemTotal:\s+(\d+)').Matches[0].Groups[1].Value)
        '{0:F1} GiB' -f ($kb / 1MB)
    } else { '{0:F1} GiB' -f ([GC]::GetGCMemoryInfo().TotalAvailableMemoryBytes / 1GB) }
    $cpu = if (Test-Path /proc/cpuinfo) { ((Select-String -Path /proc/cpuinfo -Pattern '^model name\s*:\s*(.+)$' | Select-Object -First 1).Matches[0].Groups[1].Value) } else { 'unknown' }
    $load = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' } else { 'n/a' }
    $node = try { (& node --version) } catch { 'not found' }
    $aws = try { ((& aws --version 2>&1) -join ' ').Split(' ')[0] } catch { 'not found' }
    [ordered]@{
        Date       = [DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm') + ' UTC'
        Cores      = [Environment]::ProcessorCount
        Cpu        = $cpu
        Memory     = $memory
        OS         = [System.Runtime.InteropServices.RuntimeInformation]::OSDescription
        DotNet     = "SDK $((& dotnet --version)), runtime $([Environment]::Version)"
        PowerShell = "$($PSVersionTable.PSVersion) ($(Join-Path $PSHOME 'pwsh.dll'), run as dotnet pwsh.dll)"
        Node       = "$node"
        AwsCli     = "$aws"
        LoadAvg    = "$load (1/5/15 min, at start)"
    }
}

function New-BenchRow {
    # One line of the results table. Ratio and Target are text; Met is 'yes', 'NO' or '' (report only).
    param([string] $Benchmark, [string] $Figure, [double] $Value, [string] $Unit, [int] $Runs, [string] $Ratio = '', [string] $Target = '', [string] $Met = '', [string] $Spread = '')
    [pscustomobject]@{ Benchmark = $Benchmark; Figure = $Figure; Median = $Value; Spread = $Spread; Unit = $Unit; Runs = $Runs; Ratio = $Ratio; Target = $Target; Met = $Met }
}

function Get-Spread {
    # The smallest and largest of a figure's repetitions, as "min–max", beside its median.
    param([double[]] $Values, [string] $Format = '{0:F3}')
    if (-not $Values -or $Values.Count -eq 0) { return '' }
    $measure = $Values | Measure-Object -Minimum -Maximum
    "$($Format -f $measure.Minimum)–$($Format -f $measure.Maximum)"
}

function Test-Target {
    param([double] $Value, [double] $Limit, [switch] $AtMost)
    if ([double]::IsNaN($Value)) { return 'NO' }
    $ok = if ($AtMost) { $Value -le $Limit } else { $Value -ge $Limit }
    if ($ok) { 'yes' } else { 'NO' }
}

function Format-BenchTable {
    # The table as Markdown, so a run's output can be pasted into docs/benchmarks.md as it is.
    param($Machine, $Rows, [string] $Size)
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add("### Run of $($Machine.Date) (size $Size)")
    $lines.Add('')
    foreach ($entry in $Machine.GetEnumerator()) { $lines.Add("- $($entry.Key): $($entry.Value)") }
    $lines.Add('')
    $lines.Add('| benchmark | figure | median | spread (min–max) | unit | runs | ratio | target | met |')
    $lines.Add('| --- | --- | ---: | --- | --- | ---: | --- | --- | --- |')
    foreach ($row in $Rows) {
        $value = if ([double]::IsNaN($row.Median)) { 'n/a' } elseif ([Math]::Abs($row.Median) -ge 100) { '{0:F0}' -f $row.Median } else { '{0:F3}' -f $row.Median }
        $lines.Add("| $($row.Benchmark) | $($row.Figure) | $value | $($row.Spread) | $($row.Unit) | $($row.Runs) | $($row.Ratio) | $($row.Target) | $($row.Met) |")
    }
    $lines -join [Environment]::NewLine
}

# Shared by the module's Pester files: finds the built module and kvs-local, starts and stops
# kvs-local on a free port, and drives its admin endpoint (faults, request counters, reset).

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
. (Join-Path $RepoRoot 'tools/BuildPaths.ps1')
$script:Configuration = if ($env:KVS_BUILD_CONFIGURATION) { $env:KVS_BUILD_CONFIGURATION } else { 'Release' }

# kvs-local's default credential (see docs/kvs-local.md).
$script:LocalAccessKey = 'AKIDLOCAL'
$script:LocalSecretKey = 'kvs-local-secret'
$script:LocalRegion = 'us-west-2'

function Get-BuiltModulePath {
    $path = Get-KvsModuleManifestPath -Root $RepoRoot
    if (-not (Test-Path $path)) { throw "The module is not built: $path is missing. Run ./build.ps1 Build." }
    $path
}

function Get-ChildPwsh {
    # The pwsh running the tests, as a command line for a child process.
    , @('dotnet', (Join-Path $PSHOME 'pwsh.dll'))
}

function Start-KvsLocal {
    param([string[]] $ArgumentList = @())
    $dll = Get-KvsLocalPath -Root $RepoRoot -Configuration $Configuration
    if (-not (Test-Path $dll)) { throw "kvs-local is not built: $dll is missing." }
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($arg in @($dll, '--port', '0') + $ArgumentList) { $info.ArgumentList.Add($arg) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $read = $process.StandardOutput.ReadLineAsync()
    if (-not $read.Wait([TimeSpan]::FromSeconds(60)) -or -not $read.Result) {
        $process.Kill()
        throw "kvs-local did not print its ready line: $($process.StandardError.ReadToEnd())"
    }
    $url = [regex]::Match($read.Result, 'http://127\.0\.0\.1:\d+').Value
    if (-not $url) { $process.Kill(); throw "kvs-local printed no URL: $($read.Result)" }
    [pscustomobject]@{ Process = $process; Url = $url }
}

function Stop-KvsLocal {
    param($KvsLocal)
    if ($KvsLocal -and -not $KvsLocal.Process.HasExited) {
        $KvsLocal.Process.Kill()
        $null = $KvsLocal.Process.WaitForExit(10000)
    }
}

function Invoke-KvsLocalAdmin {
    param($KvsLocal, [string] $Method = 'GET', [string] $Path, $Body)
    $arguments = @{ Method = $Method; Uri = "$($KvsLocal.Url)/_kvs-local/$Path"; TimeoutSec = 30 }
    if ($null -ne $Body) { $arguments.Body = ($Body | ConvertTo-Json -Compress); $arguments.ContentType = 'application/json' }
    Invoke-RestMethod @arguments
}

function Add-KvsLocalFault {
    param($KvsLocal, [hashtable] $Fault)
    $null = Invoke-KvsLocalAdmin $KvsLocal -Method POST -Path faults -Body $Fault
}

function Clear-KvsLocalFault {
    param($KvsLocal)
    $null = Invoke-KvsLocalAdmin $KvsLocal -Method DELETE -Path faults
}

function Get-KvsLocalRequestCount {
    # How many requests of one operation reached kvs-local so far.
    param($KvsLocal, [string] $Operation)
    $counts = (Invoke-KvsLocalAdmin $KvsLocal -Path requests).Operations
    $value = $counts.PSObject.Properties[$Operation]
    if ($value) { [long] $value.Value } else { 0 }
}

function Enable-KvsLocalMediaIngestion {
    param($KvsLocal, [string] $ChannelARN)
    $null = Invoke-KvsLocalAdmin $KvsLocal -Method POST -Path channels/media-ingestion -Body @{ ChannelARN = $ChannelARN; Enabled = $true }
}

function Set-KvsLocalDefault {
    # Points every KvsSignaling cmdlet of this session at kvs-local with its default credential.
    param($KvsLocal, [string] $AccessKey = $LocalAccessKey, [string] $SecretKey = $LocalSecretKey)
    # Get-KvsIceServerConfig is the one cmdlet whose noun does not start with KvsSignaling.
    foreach ($pattern in '*-KvsSignaling*', '*-KvsIce*') {
        $global:PSDefaultParameterValues["${pattern}:EndpointUrl"] = $KvsLocal.Url
        $global:PSDefaultParameterValues["${pattern}:Region"] = $LocalRegion
        $global:PSDefaultParameterValues["${pattern}:AccessKey"] = $AccessKey
        $global:PSDefaultParameterValues["${pattern}:SecretKey"] = $SecretKey
    }
}

function Clear-KvsLocalDefault {
    foreach ($name in 'EndpointUrl', 'Region', 'AccessKey', 'SecretKey', 'SessionToken') {
        $global:PSDefaultParameterValues.Remove("*-KvsSignaling*:$name")
        $global:PSDefaultParameterValues.Remove("*-KvsIce*:$name")
    }
}

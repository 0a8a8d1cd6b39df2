<#
.SYNOPSIS
    The main job end to end: kvs-local on a free port, a few channels, and their endpoints as a table.
.DESCRIPTION
    Run by `./build.ps1 Demo` after Build. Starts kvs-local, imports the built module, creates three
    channels, shows `Get-KvsSignalingChannel | Get-KvsSignalingChannelEndpoint -Role MASTER,VIEWER`,
    then deletes the channels and stops kvs-local.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $KvsLocalPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
foreach ($arg in $KvsLocalPath, '--port', '0') { $info.ArgumentList.Add($arg) }
$info.RedirectStandardOutput = $true
$info.UseShellExecute = $false
$kvsLocal = [System.Diagnostics.Process]::Start($info)
try {
    $ready = $kvsLocal.StandardOutput.ReadLineAsync()
    if (-not $ready.Wait([TimeSpan]::FromSeconds(60)) -or -not $ready.Result) { throw 'kvs-local did not start within 60 seconds.' }
    $url = [regex]::Match($ready.Result, 'http://127\.0\.0\.1:\d+').Value
    Write-Host "kvs-local is listening on $url"

    Import-Module $ModulePath
    # kvs-local's default credential; against AWS, leave these out (see docs/module.md).
    $PSDefaultParameterValues['*-KvsSignaling*:EndpointUrl'] = $url
    $PSDefaultParameterValues['*-KvsSignaling*:Region'] = 'us-west-2'
    $PSDefaultParameterValues['*-KvsSignaling*:AccessKey'] = 'AKIDLOCAL'
    $PSDefaultParameterValues['*-KvsSignaling*:SecretKey'] = 'kvs-local-secret'

    Write-Host '> New-KvsSignalingChannel cam-front-door, cam-back-yard, cam-garage'
    'cam-front-door', 'cam-back-yard', 'cam-garage' | New-KvsSignalingChannel | Out-Host

    Write-Host '> Get-KvsSignalingChannel | Get-KvsSignalingChannelEndpoint -Role MASTER,VIEWER'
    Get-KvsSignalingChannel | Get-KvsSignalingChannelEndpoint -Role MASTER, VIEWER | Out-Host

    Write-Host '> Get-KvsSignalingChannel | Remove-KvsSignalingChannel -Confirm:$false'
    Get-KvsSignalingChannel | Remove-KvsSignalingChannel -Confirm:$false
    Write-Host "Channels left: $(@(Get-KvsSignalingChannel).Count)"
}
finally {
    if (-not $kvsLocal.HasExited) {
        $kvsLocal.Kill()
        $null = $kvsLocal.WaitForExit(10000)
    }
    Write-Host 'kvs-local stopped.'
}

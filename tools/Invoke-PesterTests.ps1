# Runs every *.Tests.ps1 under the test path in a clean pwsh process and writes the counts as JSON.
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
if (-not (Get-ChildItem -Path $TestPath -Filter '*.Tests.ps1' -Recurse)) {
    Write-Host "No Pester test files under $TestPath."
    [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 } | ConvertTo-Json | Set-Content -Path $ResultPath
    return
}
Import-Module $PesterPath -Force
$env:KVS_BUILD_CONFIGURATION = $Configuration

$config = New-PesterConfiguration
$config.Run.Path = $TestPath
$config.Run.PassThru = $true
$config.Run.Exit = $false
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = [IO.Path]::ChangeExtension($ResultPath, '.xml')

$result = Invoke-Pester -Configuration $config
[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount + $result.NotRunCount
} | ConvertTo-Json | Set-Content -Path $ResultPath

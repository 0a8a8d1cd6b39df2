#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests and packages KvsSignaling.
.DESCRIPTION
    The one entry point for every task. Tasks are defined in tools/BuildTasks.ps1; tab completion
    on -Task lists them, and `./build.ps1 -List` prints them with a description.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding(DefaultParameterSetName = 'Run')]
param(
    [Parameter(Position = 0, ParameterSetName = 'Run')]
    [ValidateSet('Build', 'Test', 'Demo', 'Pack', 'Bench')]
    [string[]] $Task = 'Build',

    [Parameter(ParameterSetName = 'Run')]
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Bench only: the tiny size that keeps the benchmarks from rotting (figures mean nothing).
    [Parameter(ParameterSetName = 'Run')]
    [switch] $Smoke,

    # Bench only: which benchmarks (default every one but Soak); see docs/benchmarks.md.
    [Parameter(ParameterSetName = 'Run')]
    [string[]] $Name,

    # Bench only: how long the soak runs.
    [Parameter(ParameterSetName = 'Run')]
    [ValidateRange(1, 1440)]
    [int] $Minutes = 10,

    # A released build: packages and assemblies get the plain ModuleVersion of KvsSignaling.psd1. Without it (and
    # outside CI on a commit tagged v<ModuleVersion>) they get <ModuleVersion>-dev.<UTC time>, unique per build.
    [Parameter(ParameterSetName = 'Run')]
    [switch] $Release,

    [Parameter(Mandatory, ParameterSetName = 'List')]
    [switch] $List
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'tools/BuildTasks.ps1')

if ($List) {
    $BuildTasks.GetEnumerator() | ForEach-Object { [pscustomobject]@{ Task = $_.Key; Description = $_.Value.Description } }
    return
}

$context = New-BuildContext -Root $PSScriptRoot -Configuration $Configuration -Release:$Release
$context | Add-Member -NotePropertyName Bench -NotePropertyValue ([pscustomobject]@{ Smoke = [bool] $Smoke; Name = $Name; Minutes = $Minutes })
Write-Host "Version: $($context.PackageVersion)"
$exitCode = 0
$done = [System.Collections.Generic.HashSet[string]]::new()
foreach ($taskName in $Task) {
    $exitCode = Invoke-BuildTask -Name $taskName -Context $context -Done $done
    if ($exitCode -ne 0) { break }
}
exit $exitCode

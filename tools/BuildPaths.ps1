# The versions and paths that the build, the Pester tests and the benchmarks share, in one place.
# Dot-sourced by tools/BuildTasks.ps1, module/build/ModuleBuild.ps1, tests/module/KvsLocal.ps1 and
# bench/Invoke-Benchmarks.ps1; it defines functions only and reads nothing outside the repository.

function Get-KvsModuleVersion {
    # The one version source: ModuleVersion in KvsSignaling.psd1 (e.g. 0.1.0).
    param([Parameter(Mandatory)] [string] $Root)
    (Import-PowerShellDataFile (Join-Path $Root 'KvsSignaling.psd1')).ModuleVersion
}

function Get-KvsPrerelease {
    # The pre-release label of a local build: 'dev.<UTC yyyyMMddHHmmss>', so that every packed build has a version of
    # its own and no restore can take an older build of the same number from a package cache. A released build
    # (-Release, or CI building a commit tagged v<ModuleVersion>) has none.
    param([Parameter(Mandatory)] [string] $Root, [switch] $Release, [datetime] $UtcNow = [datetime]::UtcNow)
    if ($Release) { return '' }
    $version = Get-KvsModuleVersion -Root $Root
    if ($env:CI -eq 'true' -and (Get-Command git -ErrorAction SilentlyContinue)) {
        $tags = @(& git -C $Root tag --points-at HEAD 2>$null)
        if ($LASTEXITCODE -eq 0 -and $tags -contains "v$version") { return '' }
    }
    'dev.' + $UtcNow.ToString('yyyyMMddHHmmss', [Globalization.CultureInfo]::InvariantCulture)
}

function Get-KvsPackageVersion {
    # The NuGet version of the library package: ModuleVersion, plus '-<prerelease>' for a local build.
    param([Parameter(Mandatory)] [string] $ModuleVersion, [string] $Prerelease)
    if ($Prerelease) { "$ModuleVersion-$Prerelease" } else { $ModuleVersion }
}

function Get-KvsModuleOutput {
    # Where Build lays out the importable module: out/KvsSignaling/<ModuleVersion> (a PowerShell module folder
    # carries no pre-release label; the manifest there names it in PrivateData.PSData.Prerelease).
    param([Parameter(Mandatory)] [string] $Root, [string] $ModuleVersion = (Get-KvsModuleVersion -Root $Root))
    Join-Path $Root "out/KvsSignaling/$ModuleVersion"
}

function Get-KvsModuleManifestPath {
    # The manifest of the module Build laid out.
    param([Parameter(Mandatory)] [string] $Root, [string] $ModuleVersion = (Get-KvsModuleVersion -Root $Root))
    Join-Path (Get-KvsModuleOutput -Root $Root -ModuleVersion $ModuleVersion) 'KvsSignaling.psd1'
}

function Get-KvsLocalPath {
    # kvs-local, the emulator, as the solution's build leaves it.
    param([Parameter(Mandatory)] [string] $Root, [string] $Configuration = 'Release')
    Join-Path $Root "src/KvsSignaling.Local/bin/$Configuration/net10.0/kvs-local.dll"
}

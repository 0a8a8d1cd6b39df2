# How the build assembles the importable module, its help and its package. tools/BuildTasks.ps1
# dot-sources this file; the tasks there call these functions.

function Get-ModuleLayout {
    # Where the module's pieces come from and where the importable module goes.
    param($Context)
    $moduleRoot = Join-Path $Context.Root 'module'
    [pscustomobject]@{
        Manifest  = Join-Path $Context.Root 'KvsSignaling.psd1'
        Sources   = $moduleRoot
        Project   = Join-Path $moduleRoot 'KvsSignaling.PowerShell/KvsSignaling.PowerShell.csproj'
        Loader    = Join-Path $moduleRoot 'KvsSignaling.PowerShell.Loader/KvsSignaling.PowerShell.Loader.csproj'
        HelpSource = Join-Path $moduleRoot 'help'
        OutRoot   = Split-Path (Get-KvsModuleOutput -Root $Context.Root -ModuleVersion $Context.Version)
        Output    = Get-KvsModuleOutput -Root $Context.Root -ModuleVersion $Context.Version
    }
}

function Get-KvsModulePrerelease {
    # PowerShellGet's pre-release label allows letters and digits only: dev.20261201120000 becomes dev20261201120000.
    param($Context)
    if ($Context.PSObject.Properties['Prerelease'] -and $Context.Prerelease) { $Context.Prerelease -replace '[^0-9A-Za-z]', '' } else { '' }
}

function Copy-BuildOutput {
    # Copies a project's build output (assemblies only: no pdb, xml docs or deps.json) to a folder.
    param([string] $Project, [string] $Framework, [string] $Configuration, [string] $Destination)
    $bin = Join-Path (Split-Path $Project) "bin/$Configuration/$Framework"
    if (-not (Test-Path (Join-Path $bin '*.dll'))) { throw "No build output in ${bin}: build the solution first." }
    New-Item -ItemType Directory -Force -Path $Destination | Out-Null
    Copy-Item -Path (Join-Path $bin '*.dll') -Destination $Destination
}

function Build-KvsModule {
    # Lays out out/KvsSignaling/<version>/ from the solution's build output:
    #   KvsSignaling.psd1, KvsSignaling.psm1, KvsSignaling.format.ps1xml
    #   en-US/KvsSignaling.PowerShell.dll-Help.xml              help, generated from module/help
    #   en-US/about_KvsSignaling.help.txt                   the conceptual help topic
    #   bin/net8.0/KvsSignaling.PowerShell.Loader.dll           default load context (PowerShell 7)
    #   bin/net8.0/private/                                 cmdlets + dependencies, private load context
    #   bin/netstandard2.0/                                 cmdlets + dependencies (Windows PowerShell 5.1)
    param($Context)
    $layout = Get-ModuleLayout -Context $Context
    if (Test-Path $layout.OutRoot) { Remove-Item -Recurse -Force $layout.OutRoot }
    $bin = Join-Path $layout.Output 'bin'

    Copy-BuildOutput -Project $layout.Loader -Framework 'net8.0' -Configuration $Context.Configuration -Destination (Join-Path $bin 'net8.0')
    Copy-BuildOutput -Project $layout.Project -Framework 'net8.0' -Configuration $Context.Configuration -Destination (Join-Path $bin 'net8.0/private')
    Copy-BuildOutput -Project $layout.Project -Framework 'netstandard2.0' -Configuration $Context.Configuration -Destination (Join-Path $bin 'netstandard2.0')

    Copy-Item -Path $layout.Manifest -Destination $layout.Output
    $modulePrerelease = Get-KvsModulePrerelease -Context $Context
    if ($modulePrerelease) {
        # The folder stays on ModuleVersion; the manifest names the pre-release, as PowerShellGet expects.
        $manifestCopy = Join-Path $layout.Output 'KvsSignaling.psd1'
        $text = Get-Content -Raw $manifestCopy
        $stamped = $text -replace '(?m)^(\s*)PSData\s*=\s*@\{', "`$0`n`$1    Prerelease = '$modulePrerelease'"
        if ($stamped -eq $text) { throw "KvsSignaling.psd1 has no PrivateData.PSData to name the pre-release in." }
        Set-Content -Path $manifestCopy -Value $stamped -NoNewline
    }
    Copy-Item -Path (Join-Path $layout.Sources 'KvsSignaling.psm1'), (Join-Path $layout.Sources 'KvsSignaling.format.ps1xml') -Destination $layout.Output
    New-Item -ItemType Directory -Force -Path (Join-Path $layout.Output 'en-US') | Out-Null
    Copy-Item -Path (Join-Path $layout.HelpSource 'about_KvsSignaling.help.txt') -Destination (Join-Path $layout.Output 'en-US')

    # The help's syntax comes from the cmdlets themselves, so it is made by importing the module
    # just laid out, in a clean process.
    $helpFile = Join-Path $layout.Output 'en-US/KvsSignaling.PowerShell.dll-Help.xml'
    $code = Invoke-Native dotnet @('tool', 'run', 'pwsh', '--', '-NoProfile', '-NonInteractive', '-File',
        (Join-Path $layout.HelpSource 'Build-MamlHelp.ps1'),
        '-ModulePath', (Join-Path $layout.Output 'KvsSignaling.psd1'), '-SourcePath', $layout.HelpSource, '-OutputPath', $helpFile)
    if ($code -ne 0) { Write-Host "Generating help failed (exit $code)." -ForegroundColor Red; return $code }
    Write-Host "Module: $($layout.Output)"
    0
}

function Invoke-KvsDemo {
    # Runs module/build/Demo.ps1 in a clean pwsh against the module Build laid out.
    param($Context)
    $layout = Get-ModuleLayout -Context $Context
    $kvsLocal = Get-KvsLocalPath -Root $Context.Root -Configuration $Context.Configuration
    Invoke-Native dotnet @('tool', 'run', 'pwsh', '--', '-NoProfile', '-NonInteractive', '-File',
        (Join-Path $layout.Sources 'build/Demo.ps1'),
        '-ModulePath', (Join-Path $layout.Output 'KvsSignaling.psd1'), '-KvsLocalPath', $kvsLocal)
}

function New-KvsModulePackage {
    # Packs the laid-out module as a .nupkg that Install-PSResource and Install-Module accept, into
    # artifacts/powershell: a folder of its own to register as a repository, apart from the library's
    # NuGet package of the same name and version.
    param($Context)
    $layout = Get-ModuleLayout -Context $Context
    $destination = Join-Path $Context.Artifacts 'powershell'
    New-Item -ItemType Directory -Force -Path $destination | Out-Null
    $modulePrerelease = Get-KvsModulePrerelease -Context $Context
    $moduleVersion = if ($modulePrerelease) { "$($Context.Version)-$modulePrerelease" } else { $Context.Version }
    $package = Join-Path $destination "KvsSignaling.$moduleVersion.nupkg"
    if (Test-Path $package) { Remove-Item $package }
    $code = Invoke-Native dotnet @('tool', 'run', 'pwsh', '--', '-NoProfile', '-NonInteractive', '-Command',
        "Compress-PSResource -Path '$($layout.Output)' -DestinationPath '$destination'")
    if ($code -ne 0 -or -not (Test-Path $package)) { Write-Host "Packing the module failed (exit $code)." -ForegroundColor Red; return 1 }
    Write-Host "Module package: $package"
    0
}

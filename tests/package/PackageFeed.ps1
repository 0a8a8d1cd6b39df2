# Shared by the Pester files that pack KvsSignaling and restore it into a consuming project, so that none of them can
# pick a stale build: each packs with a version no other build has, into a feed of its own, and the consumer restores
# into a packages folder of its own (the machine's cache serves only the dependencies, read-only, as a fallback).

. (Join-Path $PSScriptRoot '../../tools/BuildPaths.ps1')

function Invoke-Dotnet {
    # Runs dotnet and returns its exit code and output lines. -PackagesFolder sets NUGET_PACKAGES for this call only
    # (it would otherwise win over the consumer's NuGet.config), leaving the rest of the test run as it was.
    param([string[]] $Arguments, [string] $PackagesFolder)
    $saved = $env:NUGET_PACKAGES
    if ($PackagesFolder) { $env:NUGET_PACKAGES = $PackagesFolder }
    try { $output = & dotnet @Arguments 2>&1 | ForEach-Object { "$_" } }
    finally { $env:NUGET_PACKAGES = $saved }
    [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output }
}

function New-KvsTestPackage {
    # Packs src/KvsSignaling as <ModuleVersion>-<label>.<UTC time>.g<random> into <Work>/feed, building it apart
    # from the repository's own output (<Work>/build). Returns the feed, version and package paths.
    param([Parameter(Mandatory)] [string] $Repo, [Parameter(Mandatory)] [string] $Work, [string] $Configuration = 'Release', [string] $Label = 'test')
    $stamp = [datetime]::UtcNow.ToString('yyyyMMddHHmmss', [Globalization.CultureInfo]::InvariantCulture)
    $prerelease = "$Label.$stamp.g$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    $version = Get-KvsPackageVersion -ModuleVersion (Get-KvsModuleVersion -Root $Repo) -Prerelease $prerelease
    $feed = Join-Path $Work 'feed'
    New-Item -ItemType Directory -Force -Path $feed | Out-Null
    $pack = Invoke-Dotnet @('pack', (Join-Path $Repo 'src/KvsSignaling'), '-c', $Configuration, '--nologo', '-o', $feed,
        "-p:Version=$version", '--artifacts-path', (Join-Path $Work 'build'))
    if ($pack.ExitCode -ne 0) { throw "Packing KvsSignaling failed (exit $($pack.ExitCode)):`n$($pack.Output -join "`n")" }
    [pscustomobject]@{
        Feed          = $feed
        Version       = $version
        Package       = Join-Path $feed "KvsSignaling.$version.nupkg"
        SymbolPackage = Join-Path $feed "KvsSignaling.$version.snupkg"
        Packages      = Join-Path $Work 'packages'
        PackOutput    = $pack.Output
    }
}

function Add-KvsTestPackage {
    # Packs another project of the repository into the feed of a test package, with the same version and build
    # folder (so that it depends on that very KvsSignaling). Returns the package and symbol package paths.
    param([Parameter(Mandatory)] [string] $Repo, [Parameter(Mandatory)] $TestPackage, [Parameter(Mandatory)] [string] $Project,
        [string] $Configuration = 'Release')
    $work = Split-Path -Parent $TestPackage.Feed
    $pack = Invoke-Dotnet @('pack', (Join-Path $Repo $Project), '-c', $Configuration, '--nologo', '-o', $TestPackage.Feed,
        "-p:Version=$($TestPackage.Version)", '--artifacts-path', (Join-Path $work 'build'))
    if ($pack.ExitCode -ne 0) { throw "Packing $Project failed (exit $($pack.ExitCode)):`n$($pack.Output -join "`n")" }
    $id = [IO.Path]::GetFileNameWithoutExtension($Project)
    [pscustomobject]@{
        Id            = $id
        Package       = Join-Path $TestPackage.Feed "$id.$($TestPackage.Version).nupkg"
        SymbolPackage = Join-Path $TestPackage.Feed "$id.$($TestPackage.Version).snupkg"
    }
}

function Copy-KvsConsumer {
    # Copies a consumer project from tests/ to <Destination> and writes its NuGet.config: the test's feed first, the
    # usual feed for dependencies, the test's own packages folder, and the machine's cache as a read-only fallback.
    param([Parameter(Mandatory)] [string] $Source, [Parameter(Mandatory)] [string] $Destination, [Parameter(Mandatory)] $TestPackage)
    Copy-Item -Recurse -Path $Source -Destination $Destination
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $Destination 'bin'), (Join-Path $Destination 'obj')
    $machineCache = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else {
        ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    }
    @"
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$($TestPackage.Packages)" />
  </config>
  <packageSources>
    <clear />
    <add key="kvssignaling-local" value="$($TestPackage.Feed)" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <fallbackPackageFolders>
    <add key="machine-cache" value="$machineCache" />
  </fallbackPackageFolders>
</configuration>
"@ | Set-Content -Path (Join-Path $Destination 'NuGet.config')
}

function Get-ZipEntryText {
    # The text of one entry of a .nupkg/.snupkg, or $null.
    param([string] $Path, [string] $Entry)
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $zip = [IO.Compression.ZipFile]::OpenRead($Path)
    try {
        $item = $zip.Entries | Where-Object FullName -EQ $Entry | Select-Object -First 1
        if (-not $item) { return $null }
        $reader = [IO.StreamReader]::new($item.Open(), [Text.Encoding]::UTF8)
        try { $reader.ReadToEnd() } finally { $reader.Dispose() }
    } finally { $zip.Dispose() }
}

function Get-ZipEntryName {
    param([string] $Path)
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $zip = [IO.Compression.ZipFile]::OpenRead($Path)
    try { @($zip.Entries.FullName) } finally { $zip.Dispose() }
}

function Get-AssemblyStringConstant {
    # The value of a string constant (const field) in an assembly, read from its metadata without loading it.
    param([string] $Path, [string] $TypeName, [string] $FieldName)
    $stream = [IO.File]::OpenRead($Path)
    $pe = [Reflection.PortableExecutable.PEReader]::new($stream)
    try {
        $reader = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
        foreach ($typeHandle in $reader.TypeDefinitions) {
            $type = $reader.GetTypeDefinition($typeHandle)
            if ("$($reader.GetString($type.Namespace)).$($reader.GetString($type.Name))" -ne $TypeName) { continue }
            foreach ($fieldHandle in $type.GetFields()) {
                $field = $reader.GetFieldDefinition($fieldHandle)
                if ($reader.GetString($field.Name) -ne $FieldName) { continue }
                $constant = $reader.GetConstant($field.GetDefaultValue())
                return [Text.Encoding]::Unicode.GetString($reader.GetBlobBytes($constant.Value))
            }
        }
        $null
    } finally { $pe.Dispose(); $stream.Dispose() }
}

# The KvsSignaling package as a C# customer gets it: packed with a version no other build has, checked for what a
# package must carry (readme, license, repository and project URLs, symbols with Source Link, a dependency range
# on AWSSDK 4.x), then restored from a local feed into its own packages folder by a net8.0 project that treats
# warnings as errors (tests/KvsSignaling.PackageConsumer), which must build without a warning and run against kvs-local.

BeforeAll {
    . (Join-Path $PSScriptRoot 'PackageFeed.ps1')
    . (Join-Path $PSScriptRoot '../module/KvsLocal.ps1')
    $script:Repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Configuration = if ($env:KVS_BUILD_CONFIGURATION) { $env:KVS_BUILD_CONFIGURATION } else { 'Release' }
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "kvs-package-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $Work | Out-Null

    $script:TestPackage = New-KvsTestPackage -Repo $Repo -Work $Work -Configuration $Configuration -Label 'pkgtest'
    [xml] $script:Nuspec = Get-ZipEntryText -Path $TestPackage.Package -Entry 'KvsSignaling.nuspec'
    $script:Entries = Get-ZipEntryName -Path $TestPackage.Package
    # The repository's one address, as the build knows it (Directory.Build.props).
    $script:RepositoryUrl = (& dotnet msbuild (Join-Path $Repo 'src/KvsSignaling/KvsSignaling.csproj') -getProperty:KvsRepositoryUrl).Trim()

    $script:Consumer = Join-Path $Work 'consumer'
    Copy-KvsConsumer -Source (Join-Path $Repo 'tests/KvsSignaling.PackageConsumer') -Destination $Consumer -TestPackage $TestPackage
    $script:ConsumerBuild = Invoke-Dotnet -PackagesFolder $TestPackage.Packages -Arguments @('build', $Consumer, '-c', $Configuration,
        '--nologo', "-p:KvsSignalingVersion=$($TestPackage.Version)")
}

AfterAll {
    if ($Work -and (Test-Path $Work)) { Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue }
}

Describe 'The KvsSignaling package' {
    It 'has a pre-release version of its own, on the manifest''s ModuleVersion' {
        $Nuspec.package.metadata.version | Should -Be $TestPackage.Version
        $TestPackage.Version | Should -Match "^$([regex]::Escape((Get-KvsModuleVersion -Root $Repo)))-pkgtest\.\d{14}\.g[0-9a-f]{8}$"
    }

    It 'carries its readme' {
        $Nuspec.package.metadata.readme | Should -Be 'PACKAGE.md'
        $Entries | Should -Contain 'PACKAGE.md'
        Get-ZipEntryText -Path $TestPackage.Package -Entry 'PACKAGE.md' | Should -Match '^# KvsSignaling'
    }

    It 'names its license, and the repository as its repository and project URL' {
        $RepositoryUrl | Should -Match '^https://'
        $Nuspec.package.metadata.license.'#text' | Should -Be 'Apache-2.0'
        $Nuspec.package.metadata.projectUrl | Should -Be $RepositoryUrl
        $Nuspec.package.metadata.repository.type | Should -Be 'git'
        $Nuspec.package.metadata.repository.url | Should -Be $RepositoryUrl
    }

    It 'links the analyzers'' rule help to the same repository' {
        $extracted = Join-Path $Work 'analyzers'
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($TestPackage.Package)
        try {
            New-Item -ItemType Directory -Force -Path $extracted | Out-Null
            $entry = $zip.Entries | Where-Object FullName -EQ 'analyzers/dotnet/cs/KvsSignaling.Analyzers.dll'
            [IO.Compression.ZipFileExtensions]::ExtractToFile($entry, (Join-Path $extracted 'KvsSignaling.Analyzers.dll'))
        } finally { $zip.Dispose() }
        $root = Get-AssemblyStringConstant -Path (Join-Path $extracted 'KvsSignaling.Analyzers.dll') -TypeName 'KvsSignaling.Analyzers.Descriptors' -FieldName 'DocumentationRoot'
        $root | Should -Be "$RepositoryUrl/blob/main/"
    }

    It 'has a .snupkg beside it whose symbols link the sources to the repository' {
        $TestPackage.SymbolPackage | Should -Exist
        $symbolEntries = Get-ZipEntryName -Path $TestPackage.SymbolPackage
        foreach ($framework in 'net8.0', 'netstandard2.0') {
            $symbolEntries | Should -Contain "lib/$framework/KvsSignaling.pdb"
        }
        $pdb = Join-Path $Work 'KvsSignaling.pdb'
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($TestPackage.SymbolPackage)
        try { [IO.Compression.ZipFileExtensions]::ExtractToFile(($zip.Entries | Where-Object FullName -EQ 'lib/net8.0/KvsSignaling.pdb'), $pdb) } finally { $zip.Dispose() }
        $text = [Text.Encoding]::UTF8.GetString([IO.File]::ReadAllBytes($pdb))
        # Source Link maps the deterministic /_/ source root to the repository's raw files.
        $owner = ([uri] $RepositoryUrl).AbsolutePath.Trim('/')
        $text | Should -Match ([regex]::Escape('{"documents":{"/_/*":"https://raw.githubusercontent.com/' + $owner + '/'))
    }

    It 'depends on AWSSDK 4.x from a floor up to, not including, 5 on every target' {
        $groups = @($Nuspec.package.metadata.dependencies.group)
        @($groups.targetFramework) | Should -Be @('net8.0', '.NETStandard2.0')
        foreach ($group in $groups) {
            $aws = @($group.dependency | Where-Object id -Like 'AWSSDK.*')
            @($aws.id | Sort-Object) | Should -Be @('AWSSDK.Core', 'AWSSDK.SecurityToken', 'AWSSDK.SSO', 'AWSSDK.SSOOIDC')
            foreach ($dependency in $aws) { $dependency.version | Should -Match '^\[4\.[0-9.]+, 5\.0\.0\)$' -Because "$($dependency.id) on $($group.targetFramework)" }
        }
    }
}

Describe 'A net8.0 project that treats warnings as errors' {
    It 'restores the package from the local feed into its own packages folder' {
        $ConsumerBuild.ExitCode | Should -Be 0 -Because ($ConsumerBuild.Output -join "`n")
        Join-Path $TestPackage.Packages "kvssignaling/$($TestPackage.Version)/kvssignaling.$($TestPackage.Version).nupkg" | Should -Exist
        $assets = Get-Content -Raw (Join-Path $Consumer 'obj/project.assets.json') | ConvertFrom-Json
        @($assets.libraries.PSObject.Properties.Name) | Should -Contain "KvsSignaling/$($TestPackage.Version)"
    }

    It 'builds with no warning at all' {
        $warnings = @($ConsumerBuild.Output | Where-Object { $_ -match '\b(warning|error) [A-Z]+\d+' })
        $warnings | Should -BeNullOrEmpty
        $ConsumerBuild.Output | Should -Contain '    0 Warning(s)'
    }

    It 'runs against kvs-local on the package''s library and AWSSDK.Core 4.x' {
        $ConsumerBuild.ExitCode | Should -Be 0
        $kvs = Start-KvsLocal
        try {
            $dll = Join-Path $Consumer "bin/$Configuration/net8.0/KvsSignaling.PackageConsumer.dll"
            $run = Invoke-Dotnet -Arguments @($dll, $kvs.Url, $LocalAccessKey, $LocalSecretKey)
        } finally { Stop-KvsLocal $kvs }
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        # kvs-local answers URLs on itself (ws:// and http://) by default.
        @($run.Output | Where-Object { $_ -like 'wss: ws*://*' }).Count | Should -Be 1 -Because ($run.Output -join "`n")
        @($run.Output | Where-Object { $_ -like 'https: http*://*' }).Count | Should -Be 1 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain 'AWSSDK.Core: 4.0.0.0'
    }
}

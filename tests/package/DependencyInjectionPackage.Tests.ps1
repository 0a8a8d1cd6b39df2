# The KvsSignaling.Extensions.DependencyInjection package as a service gets it: packed beside KvsSignaling with one
# version no other build has, checked for its metadata and dependencies, then restored with KvsSignaling from a local
# feed into its own packages folder by a net8.0 project that treats warnings as errors and runs on the oldest host
# packages the extensions allow (tests/KvsSignaling.DependencyInjection.PackageConsumer), against kvs-local.

BeforeAll {
    . (Join-Path $PSScriptRoot 'PackageFeed.ps1')
    . (Join-Path $PSScriptRoot '../module/KvsLocal.ps1')
    $script:Repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Configuration = if ($env:KVS_BUILD_CONFIGURATION) { $env:KVS_BUILD_CONFIGURATION } else { 'Release' }
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "kvs-di-package-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $Work | Out-Null

    $script:TestPackage = New-KvsTestPackage -Repo $Repo -Work $Work -Configuration $Configuration -Label 'ditest'
    $script:Extensions = Add-KvsTestPackage -Repo $Repo -TestPackage $TestPackage -Configuration $Configuration `
        -Project 'src/KvsSignaling.Extensions.DependencyInjection/KvsSignaling.Extensions.DependencyInjection.csproj'
    [xml] $script:Nuspec = Get-ZipEntryText -Path $Extensions.Package -Entry 'KvsSignaling.Extensions.DependencyInjection.nuspec'
    $script:Entries = Get-ZipEntryName -Path $Extensions.Package

    $script:Consumer = Join-Path $Work 'consumer'
    Copy-KvsConsumer -Source (Join-Path $Repo 'tests/KvsSignaling.DependencyInjection.PackageConsumer') -Destination $Consumer -TestPackage $TestPackage
    $script:ConsumerBuild = Invoke-Dotnet -PackagesFolder $TestPackage.Packages -Arguments @('build', $Consumer, '-c', $Configuration,
        '--nologo', "-p:KvsSignalingVersion=$($TestPackage.Version)")
}

AfterAll {
    if ($Work -and (Test-Path $Work)) { Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue }
}

Describe 'The KvsSignaling.Extensions.DependencyInjection package' {
    It 'has the version of the KvsSignaling package packed with it, its readme and symbols' {
        $Nuspec.package.metadata.version | Should -Be $TestPackage.Version
        $Nuspec.package.metadata.readme | Should -Be 'PACKAGE.md'
        Get-ZipEntryText -Path $Extensions.Package -Entry 'PACKAGE.md' | Should -Match '^# KvsSignaling\.Extensions\.DependencyInjection'
        foreach ($framework in 'net8.0', 'netstandard2.0') {
            $Entries | Should -Contain "lib/$framework/KvsSignaling.Extensions.DependencyInjection.dll"
            Get-ZipEntryName -Path $Extensions.SymbolPackage | Should -Contain "lib/$framework/KvsSignaling.Extensions.DependencyInjection.pdb"
        }
    }

    It 'depends on that KvsSignaling and on the 5.0.0 abstractions on every target' {
        $groups = @($Nuspec.package.metadata.dependencies.group)
        @($groups.targetFramework) | Should -Be @('net8.0', '.NETStandard2.0')
        foreach ($group in $groups) {
            $byId = @{}
            foreach ($dependency in $group.dependency) { $byId[$dependency.id] = $dependency.version }
            $byId['KvsSignaling'] | Should -Be $TestPackage.Version -Because $group.targetFramework
            foreach ($id in 'Microsoft.Extensions.DependencyInjection.Abstractions', 'Microsoft.Extensions.Options',
                'Microsoft.Extensions.Configuration.Abstractions', 'Microsoft.Extensions.Logging.Abstractions', 'Microsoft.Extensions.Http') {
                $byId[$id] | Should -Be '5.0.0' -Because "$id on $($group.targetFramework)"
            }
        }
    }
}

Describe 'A net8.0 service on the oldest host packages the extensions allow' {
    It 'restores both packages from the local feed and builds with no warning at all' {
        $ConsumerBuild.ExitCode | Should -Be 0 -Because ($ConsumerBuild.Output -join "`n")
        $assets = Get-Content -Raw (Join-Path $Consumer 'obj/project.assets.json') | ConvertFrom-Json
        $libraries = @($assets.libraries.PSObject.Properties.Name)
        $libraries | Should -Contain "KvsSignaling/$($TestPackage.Version)"
        $libraries | Should -Contain "KvsSignaling.Extensions.DependencyInjection/$($TestPackage.Version)"
        $libraries | Should -Contain 'Microsoft.Extensions.Http/5.0.0'
        @($ConsumerBuild.Output | Where-Object { $_ -match '\b(warning|error) [A-Z]+\d+' }) | Should -BeNullOrEmpty
        $ConsumerBuild.Output | Should -Contain '    0 Warning(s)'
    }

    It 'runs against kvs-local with its requests through the factory and its traces in the log' {
        $ConsumerBuild.ExitCode | Should -Be 0
        $kvs = Start-KvsLocal
        try {
            $dll = Join-Path $Consumer "bin/$Configuration/net8.0/KvsSignaling.DependencyInjection.PackageConsumer.dll"
            $run = Invoke-Dotnet -Arguments @($dll, $kvs.Url, $LocalAccessKey, $LocalSecretKey)
        } finally { Stop-KvsLocal $kvs }
        $because = $run.Output -join "`n"
        $run.ExitCode | Should -Be 0 -Because $because
        @($run.Output | Where-Object { $_ -like 'wss: ws*://*' }).Count | Should -Be 1 -Because $because
        $run.Output | Should -Contain 'second lookup from the cache: True'
        # Create, one lookup (the second is cached), delete.
        $run.Output | Should -Contain 'requests through the factory: 3'
        $run.Output | Should -Contain 'Microsoft.Extensions.Http: 5.0.0.0'
        @($run.Output | Where-Object { $_ -like 'log Debug KvsRequestAttempt: CreateSignalingChannel attempt 1 *' }).Count | Should -Be 1 -Because $because
        # Microsoft.Extensions.Http 5.0.0 logs request headers at Trace level: there, but with the secret ones redacted.
        @($run.Output | Where-Object { $_ -match '^\s*Authorization: \*$' }).Count | Should -BeGreaterThan 0 -Because $because
        $because | Should -Not -Match 'Signature=[0-9a-f]{64}'
        $because | Should -Not -Match ([regex]::Escape($LocalSecretKey))
    }
}

# The manifest, and the module's behaviour in a session that already holds another AWSSDK.Core.
# Child processes give each check a session of its own.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KvsLocal.ps1')
    $script:modulePath = Get-BuiltModulePath
    $script:pwsh = Get-ChildPwsh

    function Invoke-ChildPwsh {
        # Runs a script in a fresh pwsh and returns its output, which must be JSON.
        param([string] $Script)
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
        $lines = & $pwsh[0] $pwsh[1] -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
        if ($LASTEXITCODE -ne 0) { throw "The child pwsh failed ($LASTEXITCODE): $($lines -join "`n")" }
        ($lines -join "`n") | ConvertFrom-Json
    }

    [xml] $props = Get-Content (Join-Path $RepoRoot 'Directory.Packages.props')
    $version = $props.Project.PropertyGroup.ConflictingAwsSdkCoreVersion | Where-Object { $_ } | Select-Object -First 1
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $script:conflictingSdk = Join-Path $packages "awssdk.core/$version/lib/netcoreapp3.1/AWSSDK.Core.dll"
}

Describe 'the manifest' {
    BeforeAll {
        $script:manifest = Import-PowerShellDataFile $modulePath
    }

    It 'passes Test-ModuleManifest' {
        (Test-ModuleManifest $modulePath).Name | Should -Be 'KvsSignaling'
    }

    It 'exports an explicit list with no wildcard' {
        $manifest.CmdletsToExport | Should -Be @('Add-KvsSignalingChannelTag', 'Get-KvsIceServerConfig', 'Get-KvsSignalingChannel', 'Get-KvsSignalingChannelEndpoint', 'Get-KvsSignalingPresignedUrl', 'New-KvsSignalingChannel', 'Remove-KvsSignalingChannel', 'Remove-KvsSignalingChannelTag', 'Set-KvsSignalingChannel', 'Test-KvsSignalingChannel', 'Watch-KvsSignalingChannel')
        foreach ($key in 'CmdletsToExport', 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') {
            $manifest[$key] | Should -Not -Contain '*'
        }
    }

    It 'supports both editions and ships a format file' {
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.FormatsToProcess | Should -Be @('KvsSignaling.format.ps1xml')
    }

    It 'carries the version the assemblies were built with' {
        $dll = Join-Path (Split-Path $modulePath) 'bin/net8.0/private/KvsSignaling.PowerShell.dll'
        [Reflection.AssemblyName]::GetAssemblyName($dll).Version.ToString(3) | Should -Be $manifest.ModuleVersion
    }
}

Describe 'dependency isolation' {
    It 'loads no AWS SDK at import' {
        $result = Invoke-ChildPwsh @"
Import-Module '$modulePath'
ConvertTo-Json -Compress -InputObject @([AppDomain]::CurrentDomain.GetAssemblies().GetName().Name | Where-Object { `$_ -like 'AWSSDK*' -or `$_ -eq 'KvsSignaling' })
"@
        @($result) | Should -BeNullOrEmpty
    }

    It 'works in a session that already loaded AWSSDK.Core <Version>' -TestCases @(@{ Version = '3.7' }) {
        Test-Path $conflictingSdk | Should -BeTrue -Because 'tools/Tools.csproj downloads it'
        $kvs = Start-KvsLocal
        try {
            $result = Invoke-ChildPwsh @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$conflictingSdk'
`$null = [Amazon.Runtime.BasicAWSCredentials]::new('a', 'b')
Import-Module '$modulePath'
`$keys = @{ EndpointUrl = '$($kvs.Url)'; Region = 'us-west-2'; AccessKey = '$LocalAccessKey'; SecretKey = '$LocalSecretKey' }
`$endpoint = New-KvsSignalingChannel -ChannelName isolation-1 @keys | Get-KvsSignalingChannelEndpoint -Role VIEWER @keys
`$sdks = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' } | ForEach-Object {
    @{ Version = `$_.GetName().Version.ToString(); Context = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
}
ConvertTo-Json -Compress -Depth 3 -InputObject @{ Wss = `$endpoint.Wss.AbsoluteUri; Role = `$endpoint.Role; Sdks = @(`$sdks) }
"@
        }
        finally {
            Stop-KvsLocal $kvs
        }
        $result.Role | Should -Be 'VIEWER'
        $result.Wss | Should -Match '/v-'
        $result.Sdks.Count | Should -Be 2
        ($result.Sdks | Where-Object Context -EQ 'Default').Version | Should -BeLike '3.*'
        ($result.Sdks | Where-Object Context -EQ 'KvsSignaling').Version | Should -BeLike '4.*'
    }

    It 'imports again with -Force in the same session' {
        $result = Invoke-ChildPwsh @"
Import-Module '$modulePath'
Import-Module '$modulePath' -Force
ConvertTo-Json -Compress -InputObject @((Get-Command -Module KvsSignaling).Name)
"@
        @($result).Count | Should -Be 11
    }
}

Describe 'configuration like the AWS CLI' {
    BeforeAll {
        $script:kvs = Start-KvsLocal
        $script:awsDir = Join-Path ([IO.Path]::GetTempPath()) "kvs-aws-config-$PID"
        New-Item -ItemType Directory -Force -Path $awsDir | Out-Null
        Set-Content -Path (Join-Path $awsDir 'config') -Value "[profile local]`nregion = us-west-2`n"
        Set-Content -Path (Join-Path $awsDir 'credentials') -Value "[local]`naws_access_key_id = $LocalAccessKey`naws_secret_access_key = $LocalSecretKey`n"
    }

    AfterAll {
        Stop-KvsLocal $kvs
        Remove-Item -Recurse -Force $awsDir
    }

    It 'takes region, endpoint and keys from environment variables, and a named profile from the shared files' {
        $result = Invoke-ChildPwsh @"
`$ErrorActionPreference = 'Stop'
Import-Module '$modulePath'
`$env:AWS_CONFIG_FILE = '$(Join-Path $awsDir 'config')'
`$env:AWS_SHARED_CREDENTIALS_FILE = '$(Join-Path $awsDir 'credentials')'
`$env:AWS_ENDPOINT_URL_KINESIS_VIDEO = '$($kvs.Url)'
`$env:AWS_REGION = 'us-west-2'
`$env:AWS_ACCESS_KEY_ID = '$LocalAccessKey'
`$env:AWS_SECRET_ACCESS_KEY = '$LocalSecretKey'
`$fromEnvironment = New-KvsSignalingChannel -ChannelName from-environment
Remove-Item env:AWS_REGION, env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY
`$fromProfile = Get-KvsSignalingChannel -ChannelName from-environment -ProfileName local
ConvertTo-Json -Compress -InputObject @{ Created = `$fromEnvironment.ChannelARN; Described = `$fromProfile.ChannelARN }
"@
        $result.Created | Should -Match '^arn:aws:kinesisvideo:us-west-2:123456789012:channel/from-environment/\d+$'
        $result.Described | Should -Be $result.Created
    }
}

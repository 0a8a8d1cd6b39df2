# The cmdlets as admins use them: the ARN's region, the cache after a delete, one error for a call-wide
# problem, sweeps that survive throttling and dead endpoints, messages in PowerShell's words, and AWS Tools'
# conventions (stored region and credentials, completion, output types, CSV, help).

BeforeAll {
    . (Join-Path $PSScriptRoot 'KvsLocal.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:kvs = Start-KvsLocal
    $script:prefix = 'KvsSignaling.PowerShell.Commands'
    $script:pwsh = Get-ChildPwsh

    # Endpoint and keys for every cmdlet; the region comes from the environment, so an ARN's own region can win.
    $global:PSDefaultParameterValues['*-KvsSignaling*:EndpointUrl'] = $kvs.Url
    $global:PSDefaultParameterValues['*-KvsSignaling*:AccessKey'] = $LocalAccessKey
    $global:PSDefaultParameterValues['*-KvsSignaling*:SecretKey'] = $LocalSecretKey
    $script:savedRegion = $env:AWS_REGION
    $env:AWS_REGION = $LocalRegion

    function Invoke-ChildPwsh {
        # Runs a script in a fresh pwsh and returns its output, which must be JSON.
        param([string] $Script)
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
        $lines = & $pwsh[0] $pwsh[1] -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
        if ($LASTEXITCODE -ne 0) { throw "The child pwsh failed ($LASTEXITCODE): $($lines -join "`n")" }
        ($lines -join "`n") | ConvertFrom-Json
    }
}

AfterAll {
    Clear-KvsLocalDefault
    $env:AWS_REGION = $savedRegion
    Stop-KvsLocal $kvs
}

Describe 'the region of an ARN' {
    It 'is called by Get-KvsSignalingChannel -ChannelARN and Remove-KvsSignalingChannel, not the session default' {
        $channel = New-KvsSignalingChannel -ChannelName cam-eu-1 -Region eu-west-1
        $channel.ChannelARN | Should -Match '^arn:aws:kinesisvideo:eu-west-1:'

        (Get-KvsSignalingChannel -ChannelARN $channel.ChannelARN).ChannelName | Should -Be 'cam-eu-1'
        Get-KvsSignalingChannel -Region eu-west-1 | Where-Object ChannelName -EQ 'cam-eu-1' | Remove-KvsSignalingChannel -Confirm:$false

        Get-KvsSignalingChannel -ChannelARN $channel.ChannelARN -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be "ChannelNotFound,$prefix.GetKvsSignalingChannelCommand"
    }

    It 'gives way to an explicit -Region' {
        $channel = New-KvsSignalingChannel -ChannelName cam-eu-2 -Region eu-west-1
        Get-KvsSignalingChannel -ChannelARN $channel.ChannelARN -Region us-west-2 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].Exception.Message | Should -BeLike '*us-west-2*'
    }
}

Describe 'the endpoint cache after a delete' {
    It 'no longer answers a removed channel, whichever region setting the lookups used' {
        $channel = New-KvsSignalingChannel -ChannelName cached-then-removed
        $null = Get-KvsSignalingChannelEndpoint $channel.ChannelARN
        (Get-KvsSignalingChannelEndpoint $channel.ChannelARN).FromCache | Should -BeTrue
        # Other settings are another client of the session, with a cache of its own.
        $null = Get-KvsSignalingChannelEndpoint $channel.ChannelARN -MaxAttempts 5
        (Get-KvsSignalingChannelEndpoint $channel.ChannelARN -MaxAttempts 5).FromCache | Should -BeTrue

        $channel | Remove-KvsSignalingChannel -Confirm:$false

        foreach ($attempts in @($null, 5)) {
            $arguments = if ($attempts) { @{ MaxAttempts = $attempts } } else { @{} }
            Get-KvsSignalingChannelEndpoint $channel.ChannelARN @arguments -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Be "ChannelNotFound,$prefix.GetKvsSignalingChannelEndpointCommand"
        }
    }
}

Describe 'a problem of the whole call' {
    It '<Case> is one terminating InvalidClientConfiguration error for 20 piped ARNs, before any request' -TestCases @(
        @{ Case = 'an endpoint URL that is not a URL'; Url = 'garbage'; Phrase = "-EndpointUrl 'garbage' is not a usable endpoint" }
        @{ Case = 'an empty endpoint URL'; Url = ''; Phrase = "-EndpointUrl '' is not a usable endpoint" }
        @{ Case = 'an endpoint URL without a scheme'; Url = '127.0.0.1:4566'; Phrase = 'give an absolute http:// or https:// URL' }
    ) {
        $before = Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint
        $arns = 1..20 | ForEach-Object { "arn:aws:kinesisvideo:us-west-2:123456789012:channel/c$_/1700000000000" }
        $record = $null
        try { $arns | Get-KvsSignalingChannelEndpoint -EndpointUrl $Url -ErrorAction SilentlyContinue | Out-Null } catch { $record = $_ }

        $record | Should -Not -BeNullOrEmpty
        $record.FullyQualifiedErrorId | Should -Be "InvalidClientConfiguration,$prefix.GetKvsSignalingChannelEndpointCommand"
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.Exception.Message | Should -BeLike "*$Phrase*"
        Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint | Should -Be $before
    }

    It 'no region anywhere is one terminating InvalidClientConfiguration error naming -Region, before any request' {
        $before = Get-KvsLocalRequestCount $kvs ListSignalingChannels
        $env:AWS_REGION = $null
        try {
            { Get-KvsSignalingChannel -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId "InvalidClientConfiguration,$prefix.GetKvsSignalingChannelCommand" -ExpectedMessage 'No AWS region: give -Region*'
            $message = try { Get-KvsSignalingChannel } catch { $_.Exception.Message }
            $message | Should -Not -BeLike "*(Parameter '*"
            $message | Should -Not -BeLike '*KvsSignalingClientOptions*'
        }
        finally {
            $env:AWS_REGION = $LocalRegion
        }

        Get-KvsLocalRequestCount $kvs ListSignalingChannels | Should -Be $before
    }

    It 'a mistyped profile with no region elsewhere says the profile was not found, not that the region is missing' {
        $global:PSDefaultParameterValues.Remove('*-KvsSignaling*:AccessKey')
        $global:PSDefaultParameterValues.Remove('*-KvsSignaling*:SecretKey')
        $env:AWS_REGION = $null
        try {
            { Get-KvsSignalingChannel -ProfileName no-such-profile-for-region } |
                Should -Throw -ErrorId 'CredentialsUnavailable,*' -ExpectedMessage "*'no-such-profile-for-region' was not found*"
        }
        finally {
            $env:AWS_REGION = $LocalRegion
            $global:PSDefaultParameterValues['*-KvsSignaling*:AccessKey'] = $LocalAccessKey
            $global:PSDefaultParameterValues['*-KvsSignaling*:SecretKey'] = $LocalSecretKey
        }
    }

    It 'an unknown profile is one terminating CredentialsUnavailable error for 20 piped ARNs' {
        $global:PSDefaultParameterValues.Remove('*-KvsSignaling*:AccessKey')
        $global:PSDefaultParameterValues.Remove('*-KvsSignaling*:SecretKey')
        try {
            $arns = 1..20 | ForEach-Object { "arn:aws:kinesisvideo:us-west-2:123456789012:channel/p$_/1700000000000" }
            { $arns | Get-KvsSignalingChannelEndpoint -ProfileName no-such-profile-anywhere -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'CredentialsUnavailable,*' -ExpectedMessage "*'no-such-profile-anywhere' was not found*"
        }
        finally {
            $global:PSDefaultParameterValues['*-KvsSignaling*:AccessKey'] = $LocalAccessKey
            $global:PSDefaultParameterValues['*-KvsSignaling*:SecretKey'] = $LocalSecretKey
        }
    }
}

Describe 'a fast sweep against the 300-per-second quota' {
    It 'ends with 1,600 objects and no error, with -ThrottleLimit 64 and no pacing' {
        $channels = @(1..200 | ForEach-Object { "sweep-$_" } | New-KvsSignalingChannel)
        $channels.Count | Should -Be 200
        $arns = foreach ($round in 1..8) { $channels.ChannelARN }
        $throttledBefore = Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint

        $out = @($arns | Get-KvsSignalingChannelEndpoint -ThrottleLimit 64 -Force -ErrorVariable err -ErrorAction SilentlyContinue)

        $err | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" } | Should -BeNullOrEmpty
        $out.Count | Should -Be 1600
        @($out | Select-Object -ExpandProperty ChannelARN) | Should -Be $arns
        # The quota was met on the way: more requests than lookups reached kvs-local.
        (Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint) - $throttledBefore | Should -BeGreaterThan 1600
    }

    It 'honours -MaxAttempts and AWS_MAX_ATTEMPTS for other retryable faults' {
        $channel = New-KvsSignalingChannel -ChannelName attempts-1
        Add-KvsLocalFault $kvs @{ Kind = 'ServiceUnavailable'; Operation = 'GetSignalingChannelEndpoint' }
        try {
            $before = Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint
            Get-KvsSignalingChannelEndpoint $channel.ChannelARN -Force -MaxAttempts 2 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            (Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint) - $before | Should -Be 2

            $env:AWS_MAX_ATTEMPTS = '4'
            $before = Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint
            Get-KvsSignalingChannelEndpoint $channel.ChannelARN -Force -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            (Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint) - $before | Should -Be 4
        }
        finally {
            Remove-Item env:AWS_MAX_ATTEMPTS -ErrorAction SilentlyContinue
            Clear-KvsLocalFault $kvs
        }
    }
}

Describe 'a dead endpoint' {
    It 'costs seconds, not a timeout per input: 1,000 ARNs against a silent port fail within a minute' {
        # A listener that accepts connections (the kernel completes them) and never answers.
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $listener.Start(4096)
        try {
            $silent = "http://127.0.0.1:$($listener.LocalEndpoint.Port)"
            $arns = 1..1000 | ForEach-Object { "arn:aws:kinesisvideo:us-west-2:123456789012:channel/dead-$_/1700000000000" }
            $clock = [Diagnostics.Stopwatch]::StartNew()

            $out = @($arns | Get-KvsSignalingChannelEndpoint -EndpointUrl $silent -TimeoutSec 2 -ErrorVariable err -ErrorAction SilentlyContinue)

            $clock.Elapsed.TotalSeconds | Should -BeLessThan 60
            $out.Count | Should -Be 0
            $err.Count | Should -Be 1000
            @($err | ForEach-Object { $_.FullyQualifiedErrorId } | Select-Object -Unique) | Should -Be "ConnectionFailed,$prefix.GetKvsSignalingChannelEndpointCommand"
            $err[-1].Exception.Message | Should -BeLike '*attempts to this endpoint failed (timed out after 2 s), so calls fail at once*'
            $connections = 0
            while ($listener.Pending()) { $listener.AcceptTcpClient().Dispose(); $connections++ }
            $connections | Should -BeLessThan 100
        }
        finally {
            $listener.Stop()
        }
    }
}

Describe 'ARNs that are invalid here' {
    It '<Case> is refused locally with InvalidChannelArn, no request sent' -TestCases @(
        @{ Case = 'a 257-character channel name'; Arn = "arn:aws:kinesisvideo:us-west-2:123456789012:channel/$('a' * 257)/1700000000000"; Phrase = '257 characters long; allowed: 1 to 256' }
        @{ Case = 'a stream ARN'; Arn = 'arn:aws:kinesisvideo:us-west-2:123456789012:stream/cam/1700000000000'; Phrase = "the resource type is 'stream', not 'channel'" }
        @{ Case = 'a region outside the partition'; Arn = 'arn:aws:kinesisvideo:cn-north-1:123456789012:channel/cam/1700000000000'; Phrase = "'cn-north-1' is not in the partition 'aws'" }
        @{ Case = 'an unknown partition'; Arn = 'arn:aws-foo:kinesisvideo:us-west-2:123456789012:channel/cam/1700000000000'; Phrase = "the partition 'aws-foo' is none of" }
    ) {
        $before = (Invoke-KvsLocalAdmin $kvs -Path requests).Operations.PSObject.Properties | Measure-Object -Property Value -Sum | ForEach-Object Sum
        $Arn | Get-KvsSignalingChannelEndpoint -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $Arn | Remove-KvsSignalingChannel -Confirm:$false -ErrorVariable err2 -ErrorAction SilentlyContinue
        foreach ($record in $err[0], $err2[0]) {
            $record.FullyQualifiedErrorId | Should -BeLike 'InvalidChannelArn,*'
            $record.Exception.Message | Should -BeLike "*$Phrase*"
        }
        $after = (Invoke-KvsLocalAdmin $kvs -Path requests).Operations.PSObject.Properties | Measure-Object -Property Value -Sum | ForEach-Object Sum
        $after | Should -Be $before
    }
}

Describe 'messages and ids' {
    It 'a channel name piped where an ARN goes says to use -ChannelName' {
        'cam-garage' | Remove-KvsSignalingChannel -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "InvalidChannelArn,$prefix.RemoveKvsSignalingChannelCommand"
        $err[0].Exception.Message | Should -BeLike "*If 'cam-garage' is a channel name, pass it with -ChannelName*"
    }

    It 'an empty -CurrentVersion is InvalidCurrentVersion, and no message names a .NET parameter' {
        Remove-KvsSignalingChannel 'arn:aws:kinesisvideo:us-west-2:123456789012:channel/v-1/1700000000000' -CurrentVersion '' -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "InvalidCurrentVersion,$prefix.RemoveKvsSignalingChannelCommand"
        $err[0].Exception.Message | Should -Not -BeLike "*(Parameter '*"
        'arn:aws:kinesisvideo:us-west-2:123456789012:channel/bad name/1' | Get-KvsSignalingChannelEndpoint -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2[0].Exception.Message | Should -Not -BeLike "*(Parameter '*"
    }

    It '-MaxRequestsPerSecond takes a fraction and shows as a Double' {
        (Get-Command Get-KvsSignalingChannel).Parameters['MaxRequestsPerSecond'].ParameterType | Should -Be ([double])
        { Get-KvsSignalingChannel -NamePrefix none- -MaxRequestsPerSecond 0.5 } | Should -Not -Throw
    }
}

Describe 'output objects' {
    BeforeAll {
        $script:endpoint = New-KvsSignalingChannel -ChannelName csv-1 | Get-KvsSignalingChannelEndpoint -Role MASTER
    }

    It 'declare real .NET output types, so Select-Object completes their properties' {
        (Get-Command Get-KvsSignalingChannelEndpoint).OutputType.Type.Name | Should -Be 'SignalingChannelEndpoint'
        (Get-Command Get-KvsSignalingChannel).OutputType.Type.Name | Should -Be 'SignalingChannel'
        $line = 'Get-KvsSignalingChannelEndpoint x | Select-Object Ch'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Contain 'ChannelARN'
        $completions | Should -Contain 'ChannelName'
    }

    It 'export to CSV with readable endpoints and read well as strings' {
        $csv = $endpoint | ConvertTo-Csv | ConvertFrom-Csv
        $csv.Endpoints | Should -BeLike 'WSS ws://*; HTTPS http://*'
        "$endpoint" | Should -BeLike "$($endpoint.ChannelARN) MASTER: WSS ws://*"
        $channel = Get-KvsSignalingChannel -ChannelName csv-1
        "$channel" | Should -Be $channel.ChannelARN
    }

    It 'say under -Verbose when an answer came from the cache' {
        $null = Get-KvsSignalingChannelEndpoint $endpoint.ChannelARN
        $verbose = Get-KvsSignalingChannelEndpoint $endpoint.ChannelARN -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -BeLike "*$($endpoint.ChannelARN) MASTER: from the session's cache*"
    }
}

Describe 'AWS Tools sessions' {
    It 'use $StoredAWSRegion when no -Region is given' {
        $global:StoredAWSRegion = 'ap-southeast-2'
        $savedRegion = $env:AWS_REGION
        $env:AWS_REGION = $null
        try {
            (New-KvsSignalingChannel -ChannelName stored-region-1).ChannelARN | Should -Match ':ap-southeast-2:'
        }
        finally {
            Remove-Variable -Scope Global -Name StoredAWSRegion
            $env:AWS_REGION = $savedRegion
        }
    }

    It 'take $StoredAWSCredentials and -Credential objects from AWS Tools'' own AWSSDK.Core, read by shape' {
        [xml] $props = Get-Content (Join-Path $RepoRoot 'Directory.Packages.props')
        $version = $props.Project.PropertyGroup.ConflictingAwsSdkCoreVersion | Where-Object { $_ } | Select-Object -First 1
        $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
        $otherSdk = Join-Path $packages "awssdk.core/$version/lib/netcoreapp3.1/AWSSDK.Core.dll"
        $result = Invoke-ChildPwsh @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$otherSdk'
Import-Module '$(Get-BuiltModulePath)'
`$credentials = [Amazon.Runtime.BasicAWSCredentials]::new('$LocalAccessKey', '$LocalSecretKey')
`$byParameter = New-KvsSignalingChannel -ChannelName tools-credential-1 -Credential `$credentials -Region us-west-2 -EndpointUrl '$($kvs.Url)'
`$global:StoredAWSCredentials = `$credentials
`$global:StoredAWSRegion = 'us-west-2'
`$stored = Get-KvsSignalingChannel -ChannelName tools-credential-1 -EndpointUrl '$($kvs.Url)'
`$refused = try { Get-KvsSignalingChannel -Credential 42 -EndpointUrl '$($kvs.Url)'; 'accepted' } catch { `$_.FullyQualifiedErrorId }
ConvertTo-Json -Compress -InputObject @{ Created = `$byParameter.ChannelARN; Described = `$stored.ChannelARN; Sdk = `$credentials.GetType().Assembly.GetName().Version.ToString(); Refused = `$refused }
"@
        # AWSSDK.Core 3.7 carries assembly version 3.3.0.0: another SDK than the module's 4.x.
        $result.Sdk | Should -BeLike '3.*'
        $result.Created | Should -Match ':channel/tools-credential-1/'
        $result.Described | Should -Be $result.Created
        $result.Refused | Should -BeLike 'IncompleteCredentials,*'
    }
}

Describe '-ProfileLocation' {
    It 'reads -ProfileName from another credentials file, as AWS Tools does' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "kvs-profile-location-$PID"
        Set-Content -Path $file -Value "[elsewhere]`naws_access_key_id = $LocalAccessKey`naws_secret_access_key = $LocalSecretKey`n"
        $global:PSDefaultParameterValues.Remove('*-KvsSignaling*:AccessKey')
        $global:PSDefaultParameterValues.Remove('*-KvsSignaling*:SecretKey')
        try {
            (New-KvsSignalingChannel -ChannelName profile-location-1 -ProfileName elsewhere -ProfileLocation $file).ChannelName | Should -Be 'profile-location-1'
            { Get-KvsSignalingChannel -ProfileName nowhere -ProfileLocation $file } | Should -Throw -ErrorId 'CredentialsUnavailable,*' -ExpectedMessage "*'nowhere' was not found in $file*"
        }
        finally {
            $global:PSDefaultParameterValues['*-KvsSignaling*:AccessKey'] = $LocalAccessKey
            $global:PSDefaultParameterValues['*-KvsSignaling*:SecretKey'] = $LocalSecretKey
            Remove-Item $file
        }
    }
}

Describe 'completion' {
    It '-Region completes the known regions' {
        $line = 'Get-KvsSignalingChannel -Region eu-west-'
        $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $matches | Should -Contain 'eu-west-1'
        $matches | Should -Contain 'eu-west-3'
        $matches | Should -Not -Contain 'us-west-2'
    }

    It '-Role and -Protocol leave out values already given' {
        $line = 'Get-KvsSignalingChannelEndpoint x -Role MASTER, '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('VIEWER')
        $line = 'Get-KvsSignalingChannelEndpoint x -Protocol WSS, HTTPS, '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('WEBRTC')
    }

    It '-ChannelName completes the channels that start with what was typed' {
        $null = 'complete-alpha', 'complete-beta', 'other-gamma' | New-KvsSignalingChannel
        $line = "Get-KvsSignalingChannel -EndpointUrl '$($kvs.Url)' -Region us-west-2 -AccessKey $LocalAccessKey -SecretKey $LocalSecretKey -ChannelName complete-"
        $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $matches | Should -Contain 'complete-alpha'
        $matches | Should -Contain 'complete-beta'
        $matches | Should -Not -Contain 'other-gamma'
    }

    It '-ChannelName completion is silent when the service cannot be reached' {
        $line = "Get-KvsSignalingChannel -EndpointUrl 'http://127.0.0.1:1' -Region us-west-2 -ChannelName x"
        { TabExpansion2 -inputScript $line -cursorColumn $line.Length } | Should -Not -Throw
    }

    It '-ProfileName completes the profiles of the shared files' {
        $folder = Join-Path ([IO.Path]::GetTempPath()) "kvs-profiles-$PID"
        New-Item -ItemType Directory -Force -Path $folder | Out-Null
        Set-Content -Path (Join-Path $folder 'credentials') -Value "[prod-admin]`naws_access_key_id = A`naws_secret_access_key = B`n[dev]`naws_access_key_id = C`naws_secret_access_key = D`n"
        try {
            $line = "Get-KvsSignalingChannel -ProfileLocation '$(Join-Path $folder 'credentials')' -ProfileName prod"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('prod-admin')
        }
        finally {
            Remove-Item -Recurse -Force $folder
        }
    }

    It '-ChannelName has the alias Name on every cmdlet' {
        foreach ($command in Get-Command -Module KvsSignaling) {
            if ($command.Parameters.ContainsKey('ChannelName')) {
                $command.Parameters['ChannelName'].Aliases | Should -Contain 'Name' -Because $command.Name
            }
        }
    }
}

Describe 'help' {
    It 'has an about_KvsSignaling topic' {
        $topic = Get-Help about_KvsSignaling
        ($topic | Out-String) | Should -BeLike '*CredentialsUnavailable*'
    }

    It 'every cmdlet has a HelpUri pointing at its section of docs/module.md' {
        $page = Get-Content -Raw (Join-Path $RepoRoot 'docs/module.md')
        foreach ($command in Get-Command -Module KvsSignaling) {
            $command.HelpUri | Should -Match '^https://.+/docs/module\.md#[a-z-]+$' -Because $command.Name
            $anchor = $command.HelpUri.Split('#')[1]
            $page | Should -Match "(?m)^### $([regex]::Escape($command.Name))\s*$" -Because "docs/module.md needs a '### $($command.Name)' section (#$anchor)"
        }
    }
}

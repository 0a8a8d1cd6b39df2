# Set-KvsSignalingChannel, channel tags (New -Tag, Get -IncludeTags, Add-/Remove-KvsSignalingChannelTag) and
# Remove-KvsSignalingChannel -PassThru/-Force, against kvs-local. Its quotas are off here: these tests count
# requests, and the quotas have tests of their own.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'KvsLocal.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:cmdletNames = @((Get-Module KvsSignaling).ExportedCmdlets.Keys | Sort-Object)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'KvsLocal.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:kvs = Start-KvsLocal -ArgumentList '--quotas', 'off'
    Set-KvsLocalDefault $kvs
    $script:prefix = 'KvsSignaling.PowerShell.Commands'
    $script:modulePath = Get-BuiltModulePath
    $script:pwsh = Get-ChildPwsh

    function New-TagTable {
        param([string] $Prefix, [int] $Count)
        $table = @{}
        for ($i = 0; $i -lt $Count; $i++) { $table["$Prefix$i"] = "v$i" }
        $table
    }
}

AfterAll {
    Clear-KvsLocalDefault
    Stop-KvsLocal $kvs
}

Describe 'every cmdlet' {
    It '<_> takes -ChannelName also as -Name' -ForEach $cmdletNames {
        $parameter = (Get-Command $_).Parameters['ChannelName']
        $parameter | Should -Not -BeNullOrEmpty
        $parameter.Aliases | Should -Contain 'Name'
    }
}

Describe 'Set-KvsSignalingChannel' {
    It 'declares SupportsShouldProcess with ConfirmImpact Medium' {
        $attribute = (Get-Command Set-KvsSignalingChannel).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.SupportsShouldProcess | Should -BeTrue
        $attribute.ConfirmImpact | Should -Be 'Medium'
    }

    It 'changes MessageTtlSeconds by name, as Get-KvsSignalingChannel then shows, and writes nothing' {
        $null = New-KvsSignalingChannel -ChannelName set-by-name -MessageTtlSeconds 60
        Set-KvsSignalingChannel -Name set-by-name -MessageTtlSeconds 15 | Should -BeNullOrEmpty
        (Get-KvsSignalingChannel set-by-name).MessageTtlSeconds | Should -Be 15
    }

    It 'changes piped channels at their piped Version and -PassThru writes them with a new Version' {
        $channels = @('set-pipe-1', 'set-pipe-2' | New-KvsSignalingChannel)
        $before = Get-KvsLocalRequestCount $kvs DescribeSignalingChannel
        $updated = @($channels | Set-KvsSignalingChannel -MessageTtlSeconds 120 -PassThru)
        $updated.ChannelName | Should -Be @('set-pipe-1', 'set-pipe-2')
        $updated.MessageTtlSeconds | Should -Be @(120, 120)
        $updated[0].PSTypeNames[0] | Should -Be 'KvsSignaling.SignalingChannel'
        $updated[0].Version | Should -Not -Be $channels[0].Version
        # The piped Version is used: only the -PassThru descriptions were needed.
        (Get-KvsLocalRequestCount $kvs DescribeSignalingChannel) - $before | Should -Be 2
        (Get-KvsSignalingChannel set-pipe-2).MessageTtlSeconds | Should -Be 120
    }

    It 'by ARN without a version describes the channel first and updates its current version' {
        $channel = New-KvsSignalingChannel -ChannelName set-by-arn
        Set-KvsSignalingChannel -ChannelARN $channel.ChannelARN -MessageTtlSeconds 7
        (Get-KvsSignalingChannel set-by-arn).MessageTtlSeconds | Should -Be 7
    }

    It 'writes VersionMismatch for a stale piped version and changes nothing' {
        $stale = New-KvsSignalingChannel -ChannelName set-stale -MessageTtlSeconds 60
        Set-KvsSignalingChannel -Name set-stale -MessageTtlSeconds 30
        $stale | Set-KvsSignalingChannel -MessageTtlSeconds 90 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "VersionMismatch,$prefix.SetKvsSignalingChannelCommand"
        $err[0].TargetObject | Should -Be $stale.ChannelARN
        (Get-KvsSignalingChannel set-stale).MessageTtlSeconds | Should -Be 30
    }

    It 'changes nothing and sends no update with -WhatIf' {
        $channel = New-KvsSignalingChannel -ChannelName set-whatif -MessageTtlSeconds 60
        $before = Get-KvsLocalRequestCount $kvs UpdateSignalingChannel
        $channel | Set-KvsSignalingChannel -MessageTtlSeconds 5 -WhatIf | Should -BeNullOrEmpty
        Set-KvsSignalingChannel -Name set-whatif -MessageTtlSeconds 5 -WhatIf
        (Get-KvsLocalRequestCount $kvs UpdateSignalingChannel) - $before | Should -Be 0
        (Get-KvsSignalingChannel set-whatif).MessageTtlSeconds | Should -Be 60
    }

    It 'refuses a TTL outside 5..120 before any request' {
        $before = (Invoke-KvsLocalAdmin $kvs -Path requests).Total
        { Set-KvsSignalingChannel -Name set-by-name -MessageTtlSeconds 121 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        (Invoke-KvsLocalAdmin $kvs -Path requests).Total | Should -Be $before
    }

    It 'writes ChannelNotFound for a missing channel and goes on' {
        $null = New-KvsSignalingChannel -ChannelName set-present
        Set-KvsSignalingChannel -Name set-absent, set-present -MessageTtlSeconds 11 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "ChannelNotFound,$prefix.SetKvsSignalingChannelCommand"
        $err[0].TargetObject | Should -Be 'set-absent'
        (Get-KvsSignalingChannel set-present).MessageTtlSeconds | Should -Be 11
    }
}

Describe 'channel tags' {
    It 'New -Tag stores the tags and Get -IncludeTags reads them back as a hashtable' {
        $created = New-KvsSignalingChannel -ChannelName tag-new -Tag @{ site = 'hq'; floor = 2; note = $null }
        $created.PSObject.Properties['Tags'] | Should -BeNullOrEmpty
        $read = Get-KvsSignalingChannel tag-new -IncludeTags
        $read.Tags | Should -BeOfType [hashtable]
        $read.Tags.Count | Should -Be 3
        $read.Tags['site'] | Should -Be 'hq'
        $read.Tags['floor'] | Should -Be '2'
        $read.Tags['note'] | Should -Be ''
        (Get-KvsSignalingChannel -NamePrefix tag-new -IncludeTags).Tags['site'] | Should -Be 'hq'
        ([pscustomobject]@{ ChannelARN = $created.ChannelARN } | Get-KvsSignalingChannel -IncludeTags).Tags['site'] | Should -Be 'hq'
    }

    It 'keeps tag keys case-sensitive, as the service does' {
        $null = New-KvsSignalingChannel -ChannelName tag-case
        Add-KvsSignalingChannelTag -ChannelName tag-case -Tag @{ Site = 'upper' }
        Add-KvsSignalingChannelTag -ChannelName tag-case -Tag @{ site = 'lower' }
        $tags = (Get-KvsSignalingChannel tag-case -IncludeTags).Tags
        $tags.Count | Should -Be 2
        $tags['Site'] | Should -Be 'upper'
        $tags['site'] | Should -Be 'lower'
    }

    It 'Get -IncludeTags sends one ListTagsForResource per channel, and none without it' {
        $null = 'tag-count-1', 'tag-count-2', 'tag-count-3' | New-KvsSignalingChannel -Tag @{ batch = 'count' }
        $before = Get-KvsLocalRequestCount $kvs ListTagsForResource
        $plain = @(Get-KvsSignalingChannel -NamePrefix tag-count-)
        $plain.Count | Should -Be 3
        $plain[0].PSObject.Properties['Tags'] | Should -BeNullOrEmpty
        (Get-KvsLocalRequestCount $kvs ListTagsForResource) - $before | Should -Be 0

        $tagged = @(Get-KvsSignalingChannel -NamePrefix tag-count- -IncludeTags)
        $tagged.Tags.batch | Should -Be @('count', 'count', 'count')
        (Get-KvsLocalRequestCount $kvs ListTagsForResource) - $before | Should -Be 3
        $null = Get-KvsSignalingChannel tag-count-1, tag-count-2 -IncludeTags
        (Get-KvsLocalRequestCount $kvs ListTagsForResource) - $before | Should -Be 5
    }

    It 'Get -IncludeTags is paced by -MaxRequestsPerSecond like every other request' {
        $null = 1..6 | ForEach-Object { "tag-paced-$_" } | New-KvsSignalingChannel
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $paced = @(Get-KvsSignalingChannel -NamePrefix tag-paced- -IncludeTags -MaxRequestsPerSecond 10)
        $clock.Stop()
        $paced.Count | Should -Be 6
        # Six ListTagsForResource requests at 10 per second cannot take less than five intervals of 100 ms.
        $clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 0.45
    }

    It 'Add- adds and replaces tags of piped channels and -PassThru writes every tag' {
        $null = 'tag-add-1', 'tag-add-2' | New-KvsSignalingChannel -Tag @{ site = 'hq' }
        Get-KvsSignalingChannel -NamePrefix tag-add- | Add-KvsSignalingChannelTag -Tag @{ owner = 'ops' } | Should -BeNullOrEmpty
        $result = @(Add-KvsSignalingChannelTag -Name tag-add-1 -Tag @{ site = 'branch' } -PassThru)
        $result.Count | Should -Be 1
        $result[0].PSTypeNames[0] | Should -Be 'KvsSignaling.SignalingChannel'
        $result[0].ChannelName | Should -Be 'tag-add-1'
        $result[0].Tags['site'] | Should -Be 'branch'
        $result[0].Tags['owner'] | Should -Be 'ops'
        (Get-KvsSignalingChannel tag-add-2 -IncludeTags).Tags['site'] | Should -Be 'hq'
        (Get-KvsSignalingChannel tag-add-2 -IncludeTags).Tags['owner'] | Should -Be 'ops'
    }

    It 'Remove- removes tags by key, ignores keys a channel lacks, and -PassThru writes the rest' {
        $channel = New-KvsSignalingChannel -ChannelName tag-remove -Tag @{ site = 'hq'; owner = 'ops'; floor = '1' }
        $result = $channel | Remove-KvsSignalingChannelTag -TagKey site, never-set -PassThru
        $result.Tags.Keys | Sort-Object | Should -Be @('floor', 'owner')
        Remove-KvsSignalingChannelTag -ChannelName tag-remove -TagKey floor | Should -BeNullOrEmpty
        @((Get-KvsSignalingChannel tag-remove -IncludeTags).Tags.Keys) | Should -Be @('owner')
    }

    It 'Add- and Remove- send nothing with -WhatIf' {
        $channel = New-KvsSignalingChannel -ChannelName tag-whatif -Tag @{ site = 'hq' }
        $tagBefore = Get-KvsLocalRequestCount $kvs TagResource
        $untagBefore = Get-KvsLocalRequestCount $kvs UntagResource
        $channel | Add-KvsSignalingChannelTag -Tag @{ owner = 'ops' } -WhatIf
        $channel | Remove-KvsSignalingChannelTag -TagKey site -WhatIf
        (Get-KvsLocalRequestCount $kvs TagResource) - $tagBefore | Should -Be 0
        (Get-KvsLocalRequestCount $kvs UntagResource) - $untagBefore | Should -Be 0
        $tags = (Get-KvsSignalingChannel tag-whatif -IncludeTags).Tags
        $tags.Count | Should -Be 1
        $tags['site'] | Should -Be 'hq'
    }

    It 'refuses 51 tags with a terminating InvalidTag before any request' {
        $channel = New-KvsSignalingChannel -ChannelName tag-51
        $before = (Invoke-KvsLocalAdmin $kvs -Path requests).Total
        $tooMany = New-TagTable k 51
        $error1 = { $channel | Add-KvsSignalingChannelTag -Tag $tooMany } | Should -Throw -PassThru
        $error1.FullyQualifiedErrorId | Should -Be "InvalidTag,$prefix.AddKvsSignalingChannelTagCommand"
        $error1.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $error1.Exception.Message | Should -Match '51 tags'
        $error2 = { New-KvsSignalingChannel -ChannelName tag-51-new -Tag $tooMany } | Should -Throw -PassThru
        $error2.FullyQualifiedErrorId | Should -Be "InvalidTag,$prefix.NewKvsSignalingChannelCommand"
        (Invoke-KvsLocalAdmin $kvs -Path requests).Total | Should -Be $before
    }

    It 'writes ChannelLimitExceeded when the service refuses a channel more than 50 tags, and keeps its tags' {
        $null = New-KvsSignalingChannel -ChannelName tag-full -Tag (New-TagTable a 30)
        $before = Get-KvsLocalRequestCount $kvs TagResource
        Add-KvsSignalingChannelTag -Name tag-full, tag-51 -Tag (New-TagTable b 21) -ErrorVariable err -ErrorAction SilentlyContinue
        (Get-KvsLocalRequestCount $kvs TagResource) - $before | Should -Be 2
        @($err).Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be "ChannelLimitExceeded,$prefix.AddKvsSignalingChannelTagCommand"
        $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $err[0].TargetObject | Should -Be 'tag-full'
        $err[0].Exception.ErrorCode | Should -Be 'TagsPerResourceExceededLimitException'
        (Get-KvsSignalingChannel tag-full -IncludeTags).Tags.Count | Should -Be 30
        (Get-KvsSignalingChannel tag-51 -IncludeTags).Tags.Count | Should -Be 21
    }

    It 'refuses a bad tag key locally with InvalidTag (InvalidArgument) naming the key' -TestCases @(
        @{ Command = { Add-KvsSignalingChannelTag -ChannelName tag-bad -Tag @{ 'bad key!' = 'x' } }; Cmdlet = 'AddKvsSignalingChannelTagCommand' }
        @{ Command = { New-KvsSignalingChannel -ChannelName tag-bad-new -Tag @{ 'bad key!' = 'x' } }; Cmdlet = 'NewKvsSignalingChannelCommand' }
        @{ Command = { Remove-KvsSignalingChannelTag -ChannelName tag-bad -TagKey ok, 'bad key!' }; Cmdlet = 'RemoveKvsSignalingChannelTagCommand' }
    ) {
        $before = (Invoke-KvsLocalAdmin $kvs -Path requests).Total
        $thrown = $Command | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "InvalidTag,$prefix.$Cmdlet"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $thrown.Exception.Message | Should -BeLike "*'bad key!'*"
        (Invoke-KvsLocalAdmin $kvs -Path requests).Total | Should -Be $before
    }

    It 'refuses a bad tag value naming its key, and an empty -Tag' {
        { Add-KvsSignalingChannelTag -ChannelName tag-bad -Tag @{ site = 'a#b' } } | Should -Throw -ExpectedMessage "*'site'*" -ErrorId 'InvalidTag*'
        { Add-KvsSignalingChannelTag -ChannelName tag-bad -Tag @{} } | Should -Throw -ErrorId 'InvalidTag*'
    }

    It 'writes ChannelNotFound when a tagged channel does not exist and goes on' {
        $null = New-KvsSignalingChannel -ChannelName tag-exists
        Add-KvsSignalingChannelTag -Name tag-missing, tag-exists -Tag @{ a = '1' } -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "ChannelNotFound,$prefix.AddKvsSignalingChannelTagCommand"
        $err[0].TargetObject | Should -Be 'tag-missing'
        (Get-KvsSignalingChannel tag-exists -IncludeTags).Tags['a'] | Should -Be '1'
    }
}

Describe 'Remove-KvsSignalingChannel -PassThru and -Force' {
    It '-PassThru writes each channel it removed' {
        $created = @('rm-pass-1', 'rm-pass-2' | New-KvsSignalingChannel)
        $removed = @($created | Remove-KvsSignalingChannel -Force -PassThru)
        $removed.Count | Should -Be 2
        $removed[0].PSTypeNames[0] | Should -Be 'KvsSignaling.SignalingChannel'
        $removed.ChannelARN | Should -Be $created.ChannelARN
        $removed.Version | Should -Be $created.Version
        Get-KvsSignalingChannel -NamePrefix rm-pass- | Should -BeNullOrEmpty
        $byName = Remove-KvsSignalingChannel -Name (New-KvsSignalingChannel -ChannelName rm-pass-3).ChannelName -Confirm:$false -PassThru
        $byName.ChannelName | Should -Be 'rm-pass-3'
    }

    It 'writes nothing without -PassThru' {
        $null = New-KvsSignalingChannel -ChannelName rm-quiet
        Remove-KvsSignalingChannel -Name rm-quiet -Force | Should -BeNullOrEmpty
    }

    It '-Force -WhatIf deletes nothing' {
        $channel = New-KvsSignalingChannel -ChannelName rm-force-whatif
        $before = Get-KvsLocalRequestCount $kvs DeleteSignalingChannel
        $channel | Remove-KvsSignalingChannel -Force -WhatIf -PassThru | Should -BeNullOrEmpty
        Get-KvsLocalRequestCount $kvs DeleteSignalingChannel | Should -Be $before
        (Get-KvsSignalingChannel rm-force-whatif).ChannelARN | Should -Be $channel.ChannelARN
    }

    It '-Force deletes without the confirmation that stops a non-interactive session without it' {
        $script = @"
`$keys = @{ EndpointUrl = '$($kvs.Url)'; Region = '$LocalRegion'; AccessKey = '$LocalAccessKey'; SecretKey = '$LocalSecretKey' }
Import-Module '$modulePath'
`$null = 'rm-child-1', 'rm-child-2' | New-KvsSignalingChannel @keys
`$prompt = try { Remove-KvsSignalingChannel -ChannelName rm-child-1 @keys -ErrorAction Stop; 'none' } catch { `$_.Exception.GetType().Name }
Remove-KvsSignalingChannel -ChannelName rm-child-2 @keys -Force -ErrorAction Stop
ConvertTo-Json -Compress -InputObject @{ ConfirmPreference = "`$ConfirmPreference"; Prompt = `$prompt; Left = @((Get-KvsSignalingChannel -NamePrefix rm-child- @keys).ChannelName) }
"@
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
        $lines = & $pwsh[0] $pwsh[1] -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($lines -join "`n")
        $result = ($lines -join "`n") | ConvertFrom-Json
        $result.ConfirmPreference | Should -Be 'High'
        $result.Prompt | Should -Not -Be 'none' -Because 'without -Force, ConfirmImpact High asks, which a non-interactive session cannot'
        @($result.Left) | Should -Be @('rm-child-1')
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'KvsLocal.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:kvs = Start-KvsLocal
    Set-KvsLocalDefault $kvs
    $script:prefix = 'KvsSignaling.PowerShell.Commands'
}

AfterAll {
    Clear-KvsLocalDefault
    Stop-KvsLocal $kvs
}

Describe 'New-KvsSignalingChannel' {
    It 'creates channels from the pipeline and writes them as channel objects' {
        $created = @('new-1', 'new-2' | New-KvsSignalingChannel -MessageTtlSeconds 30)
        $created.Count | Should -Be 2
        $created[0].PSTypeNames[0] | Should -Be 'KvsSignaling.SignalingChannel'
        $created.ChannelName | Should -Be @('new-1', 'new-2')
        $created[0].ChannelARN | Should -Match '^arn:aws:kinesisvideo:us-west-2:123456789012:channel/new-1/\d+$'
        $created[0].MessageTtlSeconds | Should -Be 30
        $created[0].ChannelType | Should -Be 'SINGLE_MASTER'
    }

    It 'creates nothing with -WhatIf' {
        $before = Get-KvsLocalRequestCount $kvs CreateSignalingChannel
        New-KvsSignalingChannel -ChannelName whatif-1 -WhatIf | Should -BeNullOrEmpty
        Get-KvsLocalRequestCount $kvs CreateSignalingChannel | Should -Be $before
    }

    It 'writes ChannelInUse with ResourceExists for a taken name and goes on' {
        $null = New-KvsSignalingChannel -ChannelName taken-1
        $result = @('taken-1', 'fresh-1' | New-KvsSignalingChannel -ErrorVariable err -ErrorAction SilentlyContinue)
        $result.ChannelName | Should -Be 'fresh-1'
        $err[0].FullyQualifiedErrorId | Should -Be "ChannelInUse,$prefix.NewKvsSignalingChannelCommand"
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $err[0].TargetObject | Should -Be 'taken-1'
    }

    It 'writes InvalidChannelName for a name the model does not allow, before any request' {
        $before = Get-KvsLocalRequestCount $kvs CreateSignalingChannel
        New-KvsSignalingChannel -ChannelName 'no spaces allowed' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "InvalidChannelName,$prefix.NewKvsSignalingChannelCommand"
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].Exception.Message | Should -Match 'no spaces allowed'
        Get-KvsLocalRequestCount $kvs CreateSignalingChannel | Should -Be $before
    }
}

Describe 'Get-KvsSignalingChannel' {
    BeforeAll {
        $script:listed = @(1..5 | ForEach-Object { "list-$_" } | New-KvsSignalingChannel)
    }

    It 'lists every channel with a prefix' {
        (Get-KvsSignalingChannel -NamePrefix list-).ChannelName | Sort-Object | Should -Be ($listed.ChannelName | Sort-Object)
    }

    It 'lists every channel without arguments' {
        $all = Get-KvsSignalingChannel
        $all.ChannelName | Should -Contain 'list-1'
        $all.ChannelName | Should -Contain 'new-1'
    }

    It 'describes channels by name, also from the pipeline' {
        ('list-2', 'list-3' | Get-KvsSignalingChannel).ChannelARN | Should -Be $listed[1, 2].ChannelARN
        (Get-KvsSignalingChannel list-4).ChannelARN | Should -Be $listed[3].ChannelARN
    }

    It 'describes channels by ARN from objects' {
        ($listed[0, 4] | Select-Object ChannelARN | Get-KvsSignalingChannel).ChannelName | Should -Be @('list-1', 'list-5')
    }

    It 'writes ChannelNotFound with ObjectNotFound for a missing channel and goes on' {
        $result = @('missing-1', 'list-1' | Get-KvsSignalingChannel -ErrorVariable err -ErrorAction SilentlyContinue)
        $result.ChannelName | Should -Be 'list-1'
        $err[0].FullyQualifiedErrorId | Should -Be "ChannelNotFound,$prefix.GetKvsSignalingChannelCommand"
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'missing-1'
    }

    It 'writes InvalidChannelName for a prefix the model does not allow, before any request' {
        $before = Get-KvsLocalRequestCount $kvs ListSignalingChannels
        Get-KvsSignalingChannel -NamePrefix 'bad prefix!' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "InvalidChannelName,$prefix.GetKvsSignalingChannelCommand"
        $err[0].TargetObject | Should -Be 'bad prefix!'
        Get-KvsLocalRequestCount $kvs ListSignalingChannels | Should -Be $before
    }

    It 'writes InvalidChannelArn for a malformed ARN' {
        [pscustomobject]@{ ChannelARN = 'arn:nope' } | Get-KvsSignalingChannel -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "InvalidChannelArn,$prefix.GetKvsSignalingChannelCommand"
    }
}

Describe 'Remove-KvsSignalingChannel' {
    It 'declares ConfirmImpact High' {
        $attribute = (Get-Command Remove-KvsSignalingChannel).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
        $attribute.SupportsShouldProcess | Should -BeTrue
    }

    It 'deletes nothing with -WhatIf' {
        $channel = New-KvsSignalingChannel -ChannelName remove-whatif
        $channel | Remove-KvsSignalingChannel -WhatIf
        (Get-KvsSignalingChannel remove-whatif).ChannelARN | Should -Be $channel.ChannelARN
    }

    It 'deletes piped channels with -Confirm:$false' {
        $null = 'remove-1', 'remove-2' | New-KvsSignalingChannel
        Get-KvsSignalingChannel -NamePrefix remove- | Where-Object ChannelName -NE remove-whatif | Remove-KvsSignalingChannel -Confirm:$false
        (Get-KvsSignalingChannel -NamePrefix remove-).ChannelName | Should -Be 'remove-whatif'
    }

    It 'deletes by name' {
        $null = New-KvsSignalingChannel -ChannelName remove-by-name
        Remove-KvsSignalingChannel -ChannelName remove-by-name -Confirm:$false
        Get-KvsSignalingChannel remove-by-name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'writes VersionMismatch when the piped version is stale' {
        $channel = New-KvsSignalingChannel -ChannelName remove-stale
        Remove-KvsSignalingChannel -ChannelARN $channel.ChannelARN -CurrentVersion 'stale0version' -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "VersionMismatch,$prefix.RemoveKvsSignalingChannelCommand"
        $err[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        (Get-KvsSignalingChannel remove-stale).ChannelARN | Should -Be $channel.ChannelARN
    }
}

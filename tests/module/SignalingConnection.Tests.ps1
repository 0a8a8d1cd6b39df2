# Test-KvsSignalingChannel and Watch-KvsSignalingChannel against kvs-local: a watch as master sees what a viewer
# sends (a raw WebSocket with a presigned URL, as a browser would connect), stops at -Count, -Duration and
# PowerShell.Stop(); the test's steps fail where the problem is and report the rest as Skipped; bad input is refused
# before any request.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KvsLocal.ps1')
    $script:modulePath = Get-BuiltModulePath
    Import-Module $modulePath -Force
    $script:kvs = Start-KvsLocal -ArgumentList '--quotas', 'off'
    Set-KvsLocalDefault $kvs
    $script:prefix = 'KvsSignaling.PowerShell.Commands'
    $script:kvsArguments = @{ EndpointUrl = $kvs.Url; Region = $LocalRegion; AccessKey = $LocalAccessKey; SecretKey = $LocalSecretKey }

    function New-TestChannel {
        param([string] $Prefix)
        New-KvsSignalingChannel -ChannelName "$Prefix-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    }

    function Get-ChannelConnection {
        # kvs-local's open signaling connections of one channel (and role).
        param([string] $ChannelARN, [string] $Role)
        @((Invoke-KvsLocalAdmin $kvs -Path connections).Connections | Where-Object { $_.ChannelARN -eq $ChannelARN -and (-not $Role -or $_.Role -eq $Role) })
    }

    function Wait-Until {
        # Polls a condition that another process makes true; gives up after a minute, so a test fails instead of hanging.
        param([scriptblock] $Condition, [string] $What)
        $deadline = [DateTime]::UtcNow.AddMinutes(1)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Gave up waiting for $What." }
            Start-Sleep -Milliseconds 50
        }
    }

    function Start-Watch {
        # Runs Watch-KvsSignalingChannel in a runspace of its own, as a user's console would, and returns at once.
        param([hashtable] $Arguments, [string] $Then = '')
        $ps = [powershell]::Create()
        # One script, not a batch of statements: a batch outlives Stop() and Dispose() on a thread of its own.
        $null = $ps.AddScript("param(`$Module, `$Arguments) Import-Module `$Module; Watch-KvsSignalingChannel @Arguments $Then").AddArgument($modulePath).AddArgument($kvsArguments + $Arguments)
        [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
    }

    function Connect-Viewer {
        # A viewer on a raw WebSocket, connected with a URL from Get-KvsSignalingPresignedUrl.
        param([string] $ChannelARN, [string] $ClientId)
        $url = (Get-KvsSignalingPresignedUrl -ChannelARN $ChannelARN -Role VIEWER -ClientId $ClientId).Url
        $socket = [System.Net.WebSockets.ClientWebSocket]::new()
        $null = $socket.ConnectAsync([uri] $url, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
        $socket
    }

    function Send-Signal {
        param($Socket, [string] $Action, [hashtable] $Payload)
        $encoded = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(($Payload | ConvertTo-Json -Compress)))
        $bytes = [Text.Encoding]::UTF8.GetBytes((@{ action = $Action; messagePayload = $encoded } | ConvertTo-Json -Compress))
        $null = $Socket.SendAsync([ArraySegment[byte]]::new($bytes), [Net.WebSockets.WebSocketMessageType]::Text, $true, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
    }

    function Close-Viewer {
        param($Socket)
        try { $null = $Socket.CloseAsync([Net.WebSockets.WebSocketCloseStatus]::NormalClosure, '', [Threading.CancellationToken]::None).GetAwaiter().GetResult() } catch { }
        $Socket.Dispose()
    }

    function Get-RequestTotal { (Invoke-KvsLocalAdmin $kvs -Path requests).Total }
}

AfterAll {
    Clear-KvsLocalDefault
    Stop-KvsLocal $kvs
}

Describe 'Watch-KvsSignalingChannel' {
    BeforeAll {
        $script:channel = New-TestChannel watch
    }

    It 'as master writes what a viewer sends, decoded, and stops after -Count peer messages' {
        $watch = Start-Watch @{ ChannelARN = $channel.ChannelARN; Role = 'MASTER'; Count = 2 }
        try {
            Wait-Until { (Get-ChannelConnection $channel.ChannelARN MASTER).Count -eq 1 } 'the watch to connect as master'
            $viewer = Connect-Viewer $channel.ChannelARN viewer-7
            try {
                Send-Signal $viewer SDP_OFFER @{ type = 'offer'; sdp = "v=0`r`no=- 1 2 IN IP4 127.0.0.1`r`n" }
                Send-Signal $viewer ICE_CANDIDATE @{ candidate = 'candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host'; sdpMid = '0'; sdpMLineIndex = 0 }
                $records = @($watch.PowerShell.EndInvoke($watch.Handle))
            }
            finally {
                Close-Viewer $viewer
            }

            $watch.PowerShell.Streams.Error | Should -BeNullOrEmpty
            $records.Count | Should -Be 2
            $records[0].PSObject.TypeNames[0] | Should -Be 'KvsSignaling.SignalingMessageRecord'
            $records[0].MessageType | Should -Be 'SdpOffer'
            $records[0].SenderClientId | Should -Be 'viewer-7'
            $records[0].Sdp | Should -Be "v=0`r`no=- 1 2 IN IP4 127.0.0.1`r`n"
            $records[0].Payload | Should -BeLike '*"type":"offer"*'
            $records[0].ChannelARN | Should -Be $channel.ChannelARN
            $records[0].Role | Should -Be 'MASTER'
            $records[1].MessageType | Should -Be 'IceCandidate'
            $records[1].Candidate | Should -Be 'candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host'
            $records[1].SdpMid | Should -Be '0'
            $records[1].SdpMLineIndex | Should -Be 0
            $records[1].Time | Should -BeGreaterOrEqual $records[0].Time
            # The watch closed its WebSocket when it ended.
            Wait-Until { (Get-ChannelConnection $channel.ChannelARN MASTER).Count -eq 0 } 'the master connection to close'
        }
        finally {
            $watch.PowerShell.Stop()
            $watch.PowerShell.Dispose()
        }
    }

    It 'writes GO_AWAY and the reconnect, then goes on with the messages on the new connection' {
        $watch = Start-Watch @{ ChannelARN = $channel.ChannelARN; Role = 'MASTER'; Count = 1 }
        try {
            Wait-Until { (Get-ChannelConnection $channel.ChannelARN MASTER).Count -eq 1 } 'the watch to connect as master'
            $first = (Get-ChannelConnection $channel.ChannelARN MASTER)[0].Id
            $null = Invoke-KvsLocalAdmin $kvs -Method POST -Path connections/notify -Body @{ Id = $first; Notice = 'GoAway' }
            Wait-Until { @(Get-ChannelConnection $channel.ChannelARN MASTER | Where-Object Id -NE $first).Count -eq 1 } 'the watch to reconnect'
            $viewer = Connect-Viewer $channel.ChannelARN viewer-8
            try {
                Send-Signal $viewer SDP_OFFER @{ type = 'offer'; sdp = 'v=0' }
                $records = @($watch.PowerShell.EndInvoke($watch.Handle))
            }
            finally {
                Close-Viewer $viewer
            }

            $watch.PowerShell.Streams.Error | Should -BeNullOrEmpty
            $records.MessageType | Should -Be @('GoAway', 'Reconnecting', 'Reconnected', 'SdpOffer')
            $records[1].Reason | Should -Be 'GoAway'
            $records[2].Attempt | Should -Be 1
            $records[3].SenderClientId | Should -Be 'viewer-8'
        }
        finally {
            $watch.PowerShell.Stop()
            $watch.PowerShell.Dispose()
        }
    }

    It 'ends, closing the WebSocket, when Select-Object -First has what it needs' {
        $watch = Start-Watch @{ ChannelARN = $channel.ChannelARN; Role = 'MASTER' } -Then '| Select-Object -First 1'
        try {
            Wait-Until { (Get-ChannelConnection $channel.ChannelARN MASTER).Count -eq 1 } 'the watch to connect as master'
            $viewer = Connect-Viewer $channel.ChannelARN viewer-9
            try {
                Send-Signal $viewer ICE_CANDIDATE @{ candidate = '' }
                $records = @($watch.PowerShell.EndInvoke($watch.Handle))
            }
            finally {
                Close-Viewer $viewer
            }

            $watch.PowerShell.Streams.Error | Should -BeNullOrEmpty
            $records.Count | Should -Be 1
            $records[0].Candidate | Should -Be ''
            $records[0].Summary | Should -Be '(end of candidates)'
            Wait-Until { (Get-ChannelConnection $channel.ChannelARN MASTER).Count -eq 0 } 'the master connection to close'
        }
        finally {
            $watch.PowerShell.Stop()
            $watch.PowerShell.Dispose()
        }
    }

    It 'stops when -Duration (<Duration>) is over, with no error and the WebSocket closed' -TestCases @(
        @{ Duration = 1 }
        @{ Duration = '0.5' }
        @{ Duration = [timespan]::FromMilliseconds(700) }
    ) {
        $records = @(Watch-KvsSignalingChannel -ChannelARN $channel.ChannelARN -Role MASTER -Duration $Duration -ErrorVariable err)
        $records | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
        Wait-Until { (Get-ChannelConnection $channel.ChannelARN MASTER).Count -eq 0 } 'the master connection to close'
    }

    It 'ends cleanly when the pipeline is stopped (Ctrl+C): no error, the WebSocket closed' {
        $watch = Start-Watch @{ ChannelName = $channel.ChannelName; Role = 'VIEWER'; ClientId = 'stopped-viewer' }
        try {
            Wait-Until { (Get-ChannelConnection $channel.ChannelARN VIEWER).Count -eq 1 } 'the watch to connect as viewer'

            $watch.PowerShell.Stop()

            $watch.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
            $watch.PowerShell.Streams.Error | Should -BeNullOrEmpty
            Wait-Until { (Get-ChannelConnection $channel.ChannelARN VIEWER).Count -eq 0 } 'the viewer connection to close'
        }
        finally {
            $watch.PowerShell.Stop()
            $watch.PowerShell.Dispose()
        }
    }

    It 'writes SignalingConnectionFailed when the service refuses the WebSocket' {
        Add-KvsLocalFault $kvs @{ Kind = 'InternalError'; Operation = 'ConnectAsMaster' }
        try {
            Watch-KvsSignalingChannel -ChannelARN $channel.ChannelARN -Role MASTER -Duration 5 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
        finally {
            Clear-KvsLocalFault $kvs
        }

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be "SignalingConnectionFailed,$prefix.WatchKvsSignalingChannelCommand"
        $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $err[0].Exception.Message | Should -BeLike '*HTTP 500*'
        $err[0].TargetObject | Should -Be $channel.ChannelARN
    }

    It 'writes ChannelNotFound for a missing channel' {
        Watch-KvsSignalingChannel -ChannelName no-such-watch -Role MASTER -Duration 5 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be "ChannelNotFound,$prefix.WatchKvsSignalingChannelCommand"
    }

    It 'refuses <Case> before any request' -TestCases @(
        @{ Case = 'a viewer without -ClientId'; Arguments = @{ Role = 'VIEWER' }; ErrorId = 'InvalidClientId'; Message = '*-ClientId is required for the VIEWER role*' }
        @{ Case = 'a master with -ClientId'; Arguments = @{ Role = 'MASTER'; ClientId = 'm-1' }; ErrorId = 'InvalidClientId'; Message = "*-ClientId 'm-1' is not allowed with -Role MASTER*" }
        @{ Case = 'a bad client id'; Arguments = @{ Role = 'VIEWER'; ClientId = 'AWS_reserved' }; ErrorId = 'InvalidClientId'; Message = '*-ClientId:*' }
        @{ Case = 'an unknown role'; Arguments = @{ Role = 'OBSERVER' }; ErrorId = 'InvalidRole'; Message = '*OBSERVER*' }
        @{ Case = 'a zero duration'; Arguments = @{ Role = 'MASTER'; Duration = 0 }; ErrorId = 'InvalidDuration'; Message = '*-Duration 00:00:00 is out of range*' }
        @{ Case = 'a negative duration'; Arguments = @{ Role = 'MASTER'; Duration = '-5' }; ErrorId = 'InvalidDuration'; Message = '*-Duration -00:00:05 is out of range*' }
    ) {
        $before = Get-RequestTotal
        { Watch-KvsSignalingChannel -ChannelARN $channel.ChannelARN @Arguments -ErrorAction Stop } |
            Should -Throw -ErrorId "$ErrorId,$prefix.WatchKvsSignalingChannelCommand" -ExpectedMessage $Message
        Get-RequestTotal | Should -Be $before
    }

    It 'refuses a malformed ARN before any request' {
        $before = Get-RequestTotal
        Watch-KvsSignalingChannel -ChannelARN 'arn:aws:kinesisvideo:us-west-2:123456789012:stream/x/1' -Role MASTER -Duration 1 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "InvalidChannelArn,$prefix.WatchKvsSignalingChannelCommand"
        Get-RequestTotal | Should -Be $before
    }
}

Describe 'Test-KvsSignalingChannel' {
    BeforeAll {
        $script:channel = New-TestChannel test
        $script:stepNames = @('Describe', 'Endpoints', 'IceServers', 'WebSocket')
    }

    AfterEach { Clear-KvsLocalFault $kvs }

    It 'passes every step of a good channel, as a viewer by default, with latencies' {
        $result = Test-KvsSignalingChannel -ChannelARN $channel.ChannelARN -ErrorVariable err

        $err | Should -BeNullOrEmpty
        $result.PSObject.TypeNames[0] | Should -Be 'KvsSignaling.SignalingChannelTest'
        $result.Passed | Should -BeTrue
        $result.FailedStep | Should -BeNullOrEmpty
        $result.Role | Should -Be 'VIEWER'
        $result.ClientId | Should -Match '^kvs-test-[0-9a-f]{12}$'
        $result.ChannelARN | Should -Be $channel.ChannelARN
        $result.Steps.Name | Should -Be $stepNames
        foreach ($step in $result.Steps) {
            $step.Status | Should -Be 'Passed'
            $step.Passed | Should -BeTrue
            $step.Latency | Should -BeOfType [timespan]
            $step.Latency | Should -BeGreaterThan ([timespan]::Zero)
            $step.Error | Should -BeNullOrEmpty
        }
        $result.Steps[1].Detail | Should -BeLike 'WSS ws*; HTTPS http*'
    }

    It 'tests the role piped from Get-KvsSignalingChannelEndpoint, and channels by name' {
        $result = @($channel | Get-KvsSignalingChannelEndpoint -Role MASTER | Test-KvsSignalingChannel)
        $result.Count | Should -Be 1
        $result[0].Role | Should -Be 'MASTER'
        $result[0].ClientId | Should -BeNullOrEmpty
        $result[0].Passed | Should -BeTrue

        $byName = Test-KvsSignalingChannel -ChannelName $channel.ChannelName -Role VIEWER -ClientId admin-check
        $byName.Passed | Should -BeTrue
        $byName.ClientId | Should -Be 'admin-check'
        $byName.ChannelARN | Should -Be $channel.ChannelARN
    }

    It 'fails at Describe with AuthenticationFailed for a wrong secret key, the later steps Skipped, and no error record' {
        $result = Test-KvsSignalingChannel -ChannelARN $channel.ChannelARN -SecretKey 'not-the-secret' -ErrorVariable err

        $err | Should -BeNullOrEmpty
        $result.Passed | Should -BeFalse
        $result.FailedStep | Should -Be 'Describe'
        $result.Steps.Name | Should -Be $stepNames
        $result.Steps[0].Status | Should -Be 'Failed'
        $result.Steps[0].ErrorId | Should -Be 'AuthenticationFailed'
        $result.Steps[0].Error | Should -Not -BeNullOrEmpty
        $result.Steps[0].Latency | Should -BeGreaterThan ([timespan]::Zero)
        foreach ($step in $result.Steps[1..3]) {
            $step.Status | Should -Be 'Skipped'
            $step.Passed | Should -BeFalse
            $step.Latency | Should -BeNullOrEmpty
        }
    }

    It 'fails at Describe with ChannelNotFound for a missing channel given by <Case>' -TestCases @(
        @{ Case = 'name'; Arguments = @{ ChannelName = 'no-such-channel-here' } }
        @{ Case = 'ARN'; Arguments = @{ ChannelARN = 'arn:aws:kinesisvideo:us-west-2:123456789012:channel/no-such-channel-here/1700000000000' } }
    ) {
        $result = Test-KvsSignalingChannel @Arguments -ErrorVariable err
        $err | Should -BeNullOrEmpty
        $result.Passed | Should -BeFalse
        $result.ChannelName | Should -Be 'no-such-channel-here'
        $result.Steps[0].ErrorId | Should -Be 'ChannelNotFound'
        $result.Steps[1..3].Status | Should -Be @('Skipped', 'Skipped', 'Skipped')
    }

    It 'fails at WebSocket with SignalingConnectionFailed when the service refuses the connection' {
        Add-KvsLocalFault $kvs @{ Kind = 'InternalError'; Operation = 'ConnectAsViewer' }

        $result = Test-KvsSignalingChannel -ChannelARN $channel.ChannelARN -ErrorVariable err

        $err | Should -BeNullOrEmpty
        $result.Passed | Should -BeFalse
        $result.FailedStep | Should -Be 'WebSocket'
        $result.Steps[0..2].Status | Should -Be @('Passed', 'Passed', 'Passed')
        $result.Steps[3].Status | Should -Be 'Failed'
        $result.Steps[3].ErrorId | Should -Be 'SignalingConnectionFailed'
        $result.Steps[3].Error | Should -BeLike '*HTTP 500*'
        # The master side was not hit by the viewer-only fault.
        (Test-KvsSignalingChannel -ChannelARN $channel.ChannelARN -Role MASTER).Passed | Should -BeTrue
    }

    It 'fails at Endpoints and at IceServers when those calls fail' {
        Add-KvsLocalFault $kvs @{ Kind = 'ServiceUnavailable'; Operation = 'GetSignalingChannelEndpoint' }
        $result = Test-KvsSignalingChannel -ChannelARN $channel.ChannelARN -MaxAttempts 1
        $result.FailedStep | Should -Be 'Endpoints'
        $result.Steps[1].ErrorId | Should -Be 'ServiceError'
        $result.Steps[2..3].Status | Should -Be @('Skipped', 'Skipped')

        Clear-KvsLocalFault $kvs
        Add-KvsLocalFault $kvs @{ Kind = 'ServiceUnavailable'; Operation = 'GetIceServerConfig' }
        $result = Test-KvsSignalingChannel -ChannelARN $channel.ChannelARN -MaxAttempts 1
        $result.FailedStep | Should -Be 'IceServers'
        $result.Steps[3].Status | Should -Be 'Skipped'
    }

    It '-Quiet writes only $true or $false' {
        $good = @(Test-KvsSignalingChannel -ChannelARN $channel.ChannelARN -Quiet)
        $good.Count | Should -Be 1
        $good[0] | Should -BeOfType [bool]
        $good[0] | Should -BeTrue

        $bad = @('no-such-quiet-1', $channel.ChannelName | ForEach-Object { [pscustomobject]@{ ChannelName = $_ } } | Test-KvsSignalingChannel -Quiet)
        $bad.Count | Should -Be 2
        $bad | ForEach-Object { $_ | Should -BeOfType [bool] }
        $bad | Should -Be @($false, $true)
    }

    It 'refuses <Case> before any request' -TestCases @(
        @{ Case = 'a bad client id'; Arguments = @{ ClientId = 'has space' }; ErrorId = 'InvalidClientId'; Message = '*-ClientId:*' }
        @{ Case = 'a master with -ClientId'; Arguments = @{ Role = 'MASTER'; ClientId = 'm-1' }; ErrorId = 'InvalidClientId'; Message = "*-ClientId 'm-1' is not allowed with -Role MASTER*" }
        @{ Case = 'an unknown role'; Arguments = @{ Role = 'OBSERVER' }; ErrorId = 'InvalidRole'; Message = '*OBSERVER*' }
    ) {
        $before = Get-RequestTotal
        { Test-KvsSignalingChannel -ChannelARN $channel.ChannelARN @Arguments -ErrorAction Stop } |
            Should -Throw -ErrorId "$ErrorId,$prefix.TestKvsSignalingChannelCommand" -ExpectedMessage $Message
        Get-RequestTotal | Should -Be $before
    }

    It 'writes an error, not a result, for a malformed ARN or name, and sends no request' {
        $before = Get-RequestTotal
        $out = @('cam garage', 'arn:aws:kinesisvideo:us-west-2:123456789012:stream/x/1' | Test-KvsSignalingChannel -ErrorVariable err -ErrorAction SilentlyContinue)
        $out2 = @(Test-KvsSignalingChannel -ChannelName ('x' * 257) -ErrorVariable err2 -ErrorAction SilentlyContinue)

        $out.Count + $out2.Count | Should -Be 0
        $err.FullyQualifiedErrorId | Should -Be @("InvalidChannelArn,$prefix.TestKvsSignalingChannelCommand", "InvalidChannelArn,$prefix.TestKvsSignalingChannelCommand")
        $err2[0].FullyQualifiedErrorId | Should -Be "InvalidChannelName,$prefix.TestKvsSignalingChannelCommand"
        $err2[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-RequestTotal | Should -Be $before
    }

    It 'has a default view that shows each step' {
        $text = Test-KvsSignalingChannel -ChannelARN $channel.ChannelARN | Out-String -Width 200
        $text | Should -Match 'Describe Passed \d+ ms'
        $text | Should -Match 'WebSocket Passed \d+ ms'
        $steps = (Test-KvsSignalingChannel -ChannelARN $channel.ChannelARN -SecretKey wrong).Steps | Out-String -Width 200
        $steps | Should -Match 'Describe\s+Failed\s+\d+ ms\s+AuthenticationFailed'
        $steps | Should -Match 'WebSocket\s+Skipped'
    }
}

Describe 'output types' {
    It 'are declared as the real .NET types' {
        (Get-Command Test-KvsSignalingChannel).OutputType.Type.Name | Should -Be @('SignalingChannelTest', 'Boolean')
        (Get-Command Watch-KvsSignalingChannel).OutputType.Type.Name | Should -Be 'SignalingMessageRecord'
    }

    It '-Role and -ChannelName complete on both cmdlets' {
        foreach ($name in 'Test-KvsSignalingChannel', 'Watch-KvsSignalingChannel') {
            $line = "$name x -Role V"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('VIEWER') -Because $name
            (Get-Command $name).Parameters['ChannelName'].Attributes.Where({ $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }).Count | Should -Be 1
        }
    }
}

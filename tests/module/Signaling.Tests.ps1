# Get-KvsSignalingPresignedUrl and Get-KvsIceServerConfig against kvs-local: the URLs connect (kvs-local verifies
# the SigV4 query signature), client ids are checked before any request, and the ICE password stays out of the view.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KvsLocal.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:kvs = Start-KvsLocal -ArgumentList '--quotas', 'off'
    Set-KvsLocalDefault $kvs
    $script:prefix = 'KvsSignaling.PowerShell.Commands'

    function Test-WebSocketConnect {
        # True when kvs-local accepts the WebSocket upgrade of the URL.
        param([string] $Url)
        $socket = [System.Net.WebSockets.ClientWebSocket]::new()
        try {
            $cts = [System.Threading.CancellationTokenSource]::new([TimeSpan]::FromSeconds(30))
            try { $socket.ConnectAsync([uri] $Url, $cts.Token).GetAwaiter().GetResult(); $true } catch { $false }
        }
        finally { $socket.Dispose() }
    }
}

AfterAll {
    Clear-KvsLocalDefault
    Stop-KvsLocal $kvs
}

Describe 'Get-KvsSignalingPresignedUrl' {
    BeforeAll {
        $script:channel = New-KvsSignalingChannel -ChannelName "presign-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    }

    It 'writes one URL per channel and role that kvs-local accepts' {
        $urls = @($channel | Get-KvsSignalingPresignedUrl -Role MASTER, VIEWER -ClientId viewer-1 -ExpiresIn 600)

        $urls.Count | Should -Be 2
        $urls[0].Role | Should -Be 'MASTER'
        $urls[0].ClientId | Should -BeNullOrEmpty
        $urls[1].ClientId | Should -Be 'viewer-1'
        $urls | ForEach-Object { $_.Url | Should -BeOfType [string]; $_.ChannelARN | Should -Be $channel.ChannelARN }
        ($urls[1].ExpiresAt - [datetime]::UtcNow).TotalSeconds | Should -BeGreaterThan 500
        $urls[1].Url | Should -Match 'X-Amz-ClientId=viewer-1'
        Test-WebSocketConnect $urls[0].Url | Should -BeTrue
        Test-WebSocketConnect $urls[1].Url | Should -BeTrue
    }

    It 'takes the role from piped endpoints' {
        $url = $channel | Get-KvsSignalingChannelEndpoint -Role VIEWER | Get-KvsSignalingPresignedUrl -ClientId v2
        $url.Role | Should -Be 'VIEWER'
        Test-WebSocketConnect $url.Url | Should -BeTrue
    }

    It 'writes the master URL and an InvalidClientId error for a viewer piped in without -ClientId' {
        $urls = @($channel | Get-KvsSignalingChannelEndpoint -Role MASTER, VIEWER | Get-KvsSignalingPresignedUrl -ErrorVariable err -ErrorAction SilentlyContinue)

        $urls.Count | Should -Be 1
        $urls[0].Role | Should -Be 'MASTER'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be "InvalidClientId,$prefix.GetKvsSignalingPresignedUrlCommand"
        $err[0].TargetObject | Should -Be $channel.ChannelARN
    }

    It 'refuses a bad client id, or a viewer without one, before any request' -TestCases @(
        @{ Arguments = @{ Role = 'VIEWER'; ClientId = 'AWS_reserved' } }
        @{ Arguments = @{ Role = 'VIEWER'; ClientId = 'has space' } }
        @{ Arguments = @{ Role = 'VIEWER' } }
    ) {
        $before = (Invoke-KvsLocalAdmin $kvs -Path requests).Total
        { Get-KvsSignalingPresignedUrl -ChannelARN $channel.ChannelARN @Arguments -ErrorAction Stop } |
            Should -Throw -ErrorId "InvalidClientId,$prefix.GetKvsSignalingPresignedUrlCommand"
        (Invoke-KvsLocalAdmin $kvs -Path requests).Total | Should -Be $before
    }

    It 'writes ChannelNotFound for a missing channel' {
        { Get-KvsSignalingPresignedUrl -ChannelARN ($channel.ChannelARN -replace 'channel/[^/]+/', 'channel/nope/') -Role MASTER -ErrorAction Stop } |
            Should -Throw -ErrorId "ChannelNotFound,$prefix.GetKvsSignalingPresignedUrlCommand"
    }

    It 'does not show the URL under -Verbose' {
        $verbose = Get-KvsSignalingPresignedUrl -ChannelARN $channel.ChannelARN -Role MASTER -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose | Out-String) | Should -Not -Match 'X-Amz-Signature'
    }
}

Describe 'Get-KvsIceServerConfig' {
    BeforeAll {
        $script:channel = New-KvsSignalingChannel -ChannelName "ice-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    }

    It 'writes one object per server and keeps the password out of the default view' {
        $servers = @($channel | Get-KvsIceServerConfig -ClientId viewer-1)

        $servers.Count | Should -BeGreaterThan 0
        foreach ($server in $servers) {
            $server.Uris | Should -Not -BeNullOrEmpty
            $server.Username | Should -Not -BeNullOrEmpty
            $server.Password | Should -Not -BeNullOrEmpty
            $server.Ttl | Should -Be 300
            $server.ExpiresAt | Should -BeOfType [datetime]
            ($server | Out-String) | Should -Not -Match ([regex]::Escape($server.Password))
            "$server" | Should -Not -Match ([regex]::Escape($server.Password))
        }
    }

    It 'asks the service once while the servers are kept, and again with -Force' {
        $before = Get-KvsLocalRequestCount $kvs GetIceServerConfig
        $null = Get-KvsIceServerConfig -ChannelARN $channel.ChannelARN -ClientId keep-1
        $null = Get-KvsIceServerConfig -ChannelARN $channel.ChannelARN -ClientId keep-1
        (Get-KvsLocalRequestCount $kvs GetIceServerConfig) | Should -Be ($before + 1)
        $null = Get-KvsIceServerConfig -ChannelARN $channel.ChannelARN -ClientId keep-1 -Force
        (Get-KvsLocalRequestCount $kvs GetIceServerConfig) | Should -Be ($before + 2)
    }

    It 'writes ChannelNotFound for a missing channel and InvalidClientId before any request' {
        { Get-KvsIceServerConfig -ChannelName "missing-$([guid]::NewGuid().ToString('N').Substring(0, 8))" -ErrorAction Stop } |
            Should -Throw -ErrorId "ChannelNotFound,$prefix.GetKvsIceServerConfigCommand"
        { Get-KvsIceServerConfig -ChannelARN $channel.ChannelARN -ClientId 'AWS_x' -ErrorAction Stop } |
            Should -Throw -ErrorId "InvalidClientId,$prefix.GetKvsIceServerConfigCommand"
    }
}

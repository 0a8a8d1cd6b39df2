# Runs the cmdlets with known secret values through success, per-input errors, retries and
# refused signatures, with every stream captured, and looks for the secrets in all of it.

BeforeAll {
    . (Join-Path $PSScriptRoot 'KvsLocal.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:secret = 'kvsTestSecret/Zq8+Xw3Vn5Lk2Jh7Gf4Dd1Ss9Aa6Pp0Oo'
    $script:token = 'kvsTestSessionToken/IQoJb3JpZ2luX2VjEHdUmMyRandomTail=='
    $credentialsFile = Join-Path ([IO.Path]::GetTempPath()) "kvs-secrets-$PID.json"
    @{ Credentials = @(@{ AccessKeyId = 'ASIAKVSSECRETTEST01'; SecretAccessKey = $secret; AccountId = '123456789012'; SessionToken = $token }) } |
        ConvertTo-Json -Depth 3 | Set-Content -Path $credentialsFile
    try {
        $script:kvs = Start-KvsLocal -ArgumentList '--credentials-file', $credentialsFile
    }
    finally {
        Remove-Item $credentialsFile
    }
    $script:keys = @{ EndpointUrl = $kvs.Url; Region = 'us-west-2'; AccessKey = 'ASIAKVSSECRETTEST01'; SecretKey = $secret; SessionToken = $token }
    $script:channel = New-KvsSignalingChannel -ChannelName secret-scan @keys

    function Get-AllText {
        # Everything a user could see of a run: every stream, each record rendered several ways.
        param([scriptblock] $Run)
        $records = & { $ErrorActionPreference = 'Continue'; & $Run *>&1 }
        $records.Count | Should -BeGreaterThan 0
        foreach ($record in $records) {
            $record | Out-String -Width 500
            $record | Format-List * -Force | Out-String -Width 500
            if ($record -is [System.Management.Automation.ErrorRecord]) {
                $record.Exception.ToString()
                $record.ErrorDetails | Out-String
                $record.TargetObject | Out-String
            }
            elseif ($record -isnot [System.Management.Automation.InformationalRecord]) {
                $record | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue
            }
        }
    }
}

AfterAll {
    Stop-KvsLocal $kvs
}

Describe 'secrets in output' {
    AfterEach { Clear-KvsLocalFault $kvs }

    It 'appear in no stream of <Name>' -TestCases @(
        @{ Name = 'a successful lookup with -Verbose -Debug'; Expect = 'attempt 1: 200'; Run = { Get-KvsSignalingChannelEndpoint $channel.ChannelARN -Role MASTER, VIEWER -Force -Verbose -Debug @keys } }
        @{ Name = 'a missing channel'; Expect = 'ResourceNotFoundException'; Run = { Get-KvsSignalingChannelEndpoint 'arn:aws:kinesisvideo:us-west-2:123456789012:channel/none/1' -Force -Verbose -Debug @keys } }
        @{ Name = 'a retried lookup'; Expect = 'retrying'; Fault = @{ Kind = 'Throttle'; Operation = 'GetSignalingChannelEndpoint'; Count = 2 }; Run = { Get-KvsSignalingChannelEndpoint $channel.ChannelARN -Force -Verbose -Debug @keys } }
        @{ Name = 'throttling that outlasts the retries'; Expect = 'Throttled'; Fault = @{ Kind = 'Throttle'; Operation = 'GetSignalingChannelEndpoint' }; Run = { Get-KvsSignalingChannelEndpoint $channel.ChannelARN -Force -Verbose -Debug @keys } }
        @{ Name = 'a refused signature'; Expect = 'AuthenticationFailed'; Run = { $wrong = $keys.Clone(); $wrong.SessionToken = $token + 'x'; Get-KvsSignalingChannelEndpoint $channel.ChannelARN -Force -Verbose -Debug @wrong } }
        @{ Name = 'a PSCredential'; Expect = 'DescribeSignalingChannel'; Run = {
                $credential = [pscredential]::new('ASIAKVSSECRETTEST01', (ConvertTo-SecureString $secret -AsPlainText -Force))
                Get-KvsSignalingChannel -ChannelName secret-scan -Verbose -Debug -EndpointUrl $kvs.Url -Region us-west-2 -Credential $credential -SessionToken $token
            } }
        @{ Name = 'a refused name'; Expect = 'InvalidChannelName'; Run = { Get-KvsSignalingChannel -ChannelName 'bad name' -Verbose -Debug @keys } }
        @{ Name = 'a channel test with -Verbose'; Expect = 'WebSocket'; Run = { Test-KvsSignalingChannel $channel.ChannelARN -Verbose -Debug @keys } }
        @{ Name = 'a channel test with a refused signature'; Expect = 'AuthenticationFailed'; Run = { $wrong = $keys.Clone(); $wrong.SessionToken = $token + 'x'; Test-KvsSignalingChannel $channel.ChannelARN -Verbose @wrong } }
        @{ Name = 'a watch with -Verbose'; Expect = 'Connected to'; Run = { Watch-KvsSignalingChannel $channel.ChannelARN -Role MASTER -Duration 1 -Verbose -Debug @keys } }
        @{ Name = 'a refused watch'; Expect = 'SignalingConnectionFailed'; Fault = @{ Kind = 'InternalError'; Operation = 'ConnectAsMaster' }; Run = { Watch-KvsSignalingChannel $channel.ChannelARN -Role MASTER -Duration 1 -Verbose @keys } }
    ) {
        if ($Fault) { Add-KvsLocalFault $kvs $Fault }
        $text = (Get-AllText $Run) -join "`n"
        # The run really happened and its records were rendered.
        $text | Should -Match $Expect
        $text.Contains($secret) | Should -BeFalse
        $text.Contains($token) | Should -BeFalse
        $text.Contains('Signature=') | Should -BeFalse
    }
}

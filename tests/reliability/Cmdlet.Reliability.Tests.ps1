# Reliability of Get-KvsSignalingChannelEndpoint against kvs-local's injected faults and generated bad input:
# a fault that outlasts one input's attempts costs that input one ErrorRecord and the other inputs still
# produce output; invalid input is refused one error per input with no request sent.

BeforeAll {
    . (Join-Path $PSScriptRoot '../module/KvsLocal.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:kvs = Start-KvsLocal -ArgumentList @('--quotas', 'off')
    Set-KvsLocalDefault $kvs
    $script:arns = @('rel-a', 'rel-b', 'rel-c', 'rel-d' | New-KvsSignalingChannel).ChannelARN
}

AfterAll {
    Clear-KvsLocalDefault
    Stop-KvsLocal $kvs
}

Describe 'Get-KvsSignalingChannelEndpoint under injected faults' {
    AfterEach { Clear-KvsLocalFault $kvs }

    # Count = the client's 3 attempts for retried faults (1 for answers that are not retried): with one lookup at a
    # time, one input takes every hit and the fault is gone for the next inputs. Count 2 is absorbed by retries.
    # Which input starts first is not promised (two lookups may be queued at once); output order is.
    # Throttling is waited out in the module's default adaptive mode; in standard mode (AWS_RETRY_MODE) it costs
    # attempts like the other faults.
    It '<Kind> x<Count><Mode>: <Errors> error(s) <ErrorId>, the other inputs still produce output' -TestCases @(
        @{ Kind = 'Throttle'; Count = 2; Errors = 0; ErrorId = ''; Words = '' }
        @{ Kind = 'Throttle'; Count = 3; Errors = 1; ErrorId = 'Throttled'; Words = 'ClientLimitExceededException'; Mode = ' standard' }
        @{ Kind = 'Throttle'; Count = 6; Errors = 0; ErrorId = ''; Words = ''; Mode = ' adaptive' }
        @{ Kind = 'InternalError'; Count = 2; Errors = 0; ErrorId = ''; Words = '' }
        @{ Kind = 'InternalError'; Count = 3; Errors = 1; ErrorId = 'ServiceError'; Words = 'InternalFailure' }
        @{ Kind = 'ServiceUnavailable'; Count = 3; Errors = 1; ErrorId = 'ServiceError'; Words = 'ServiceUnavailable' }
        @{ Kind = 'DropConnection'; Count = 2; Errors = 0; ErrorId = ''; Words = '' }
        @{ Kind = 'DropConnection'; Count = 3; Errors = 1; ErrorId = 'ConnectionFailed'; Words = 'connection failed' }
        @{ Kind = 'TruncatedBody'; Count = 3; Errors = 1; ErrorId = 'ConnectionFailed'; Words = 'after 3 attempt' }
        @{ Kind = 'HtmlErrorPage'; Count = 2; Errors = 0; ErrorId = ''; Words = '' }
        @{ Kind = 'HtmlErrorPage'; Count = 3; Errors = 1; ErrorId = 'ConnectionFailed'; Words = 'HTTP 502' }
        @{ Kind = 'MalformedBody'; Count = 1; Errors = 1; ErrorId = 'ConnectionFailed'; Words = 'not valid JSON' }
        @{ Kind = 'OversizedBody'; Count = 1; Errors = 1; ErrorId = 'ConnectionFailed'; Words = 'larger than the limit' }
        @{ Kind = 'WrongEndpointScheme'; Count = 1; Errors = 1; ErrorId = 'InvalidEndpoint'; Words = 'scheme' }
    ) {
        param($Kind, $Count, $Errors, $ErrorId, $Words, $Mode)
        $fault = @{ Kind = $Kind; Operation = 'GetSignalingChannelEndpoint'; Count = $Count }
        if ($Kind -eq 'OversizedBody') { $fault.SizeBytes = 2MB }
        Add-KvsLocalFault $kvs $fault

        $env:AWS_RETRY_MODE = if ($Mode) { $Mode.Trim() } else { $null }
        try {
            $out = @($arns | Get-KvsSignalingChannelEndpoint -ThrottleLimit 1 -Force -ErrorVariable err -ErrorAction SilentlyContinue)
        }
        finally {
            $env:AWS_RETRY_MODE = $null
        }

        $err.Count | Should -Be $Errors
        $out.Count | Should -Be (4 - $Errors)
        $failed = @($err | ForEach-Object { "$($_.TargetObject)" })
        $out.ChannelARN | Should -Be @($arns | Where-Object { $_ -notin $failed })
        $out | ForEach-Object { $_.Wss | Should -Not -BeNullOrEmpty }
        if ($Errors) {
            $err[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
            $err[0].Exception.Message | Should -BeLike "*$Words*"
            $failed[0] | Should -BeIn $arns
        }

        # The pipeline goes on: the failed input works once the fault is gone.
        $retry = if ($Errors) { $failed[0] } else { $arns[0] }
        (Get-KvsSignalingChannelEndpoint $retry -Force -ErrorAction Stop).ChannelARN | Should -Be $retry
    }
}

Describe 'Get-KvsSignalingChannelEndpoint with generated invalid input' {
    It 'refuses 500+ seeded invalid ARNs one error each and sends nothing' {
        $random = [Random]::new(20261127)
        $base = 'arn:aws:kinesisvideo:us-west-2:123456789012:channel/rel-a/1700000000000'
        $parts = @(
            { param($r) $base -replace '^arn:aws:', "arn:$(@('AWS', 'aws_cn', '', 'aws.cn')[$r.Next(4)]):" }
            { param($r) $base -replace ':kinesisvideo:', ":$(@('kinesis', 'KinesisVideo', '', 's3')[$r.Next(4)]):" }
            { param($r) $base -replace ':us-west-2:', ":$(@('US-WEST-2', 'us_west_2', '', 'us west 2')[$r.Next(4)]):" }
            { param($r) $base -replace ':123456789012:', ":$(@('12345678901a', '', '-123', '1234 5678')[$r.Next(4)]):" }
            { param($r) $base -replace ':channel/', ":$(@('Channel', 'channel1', '', 'chan-nel')[$r.Next(4)])/" }
            { param($r) $base -replace '/rel-a/', "/rel$(@(' ', '@', '#', 'é', '+', '*')[$r.Next(6)])a/" }
            { param($r) $base -replace '/1700000000000$', @('', '/', '/17e12', '/-1')[$r.Next(4)] }
            { param($r) $base -replace '/rel-a/', "/$('a' * $r.Next(1025, 2000))/" }
            { param($r) @(' ', 'x', "`n")[$r.Next(3)] + $base }
        )
        $inputs = foreach ($i in 1..520) { & $parts[$random.Next($parts.Count)] $random }
        $before = (Invoke-KvsLocalAdmin $kvs -Path requests).Total

        $out = @($inputs | Get-KvsSignalingChannelEndpoint -ErrorVariable err -ErrorAction SilentlyContinue)

        $out.Count | Should -Be 0
        $err.Count | Should -Be $inputs.Count
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidChannelArn,*' }
        for ($i = 0; $i -lt $inputs.Count; $i++) {
            $named = if ($inputs[$i].Length -gt 200) { $inputs[$i].Substring(0, 100) } else { $inputs[$i] }
            $err[$i].Exception.Message.Contains($named) | Should -BeTrue -Because "error $i names input '$named'"
        }
        (Invoke-KvsLocalAdmin $kvs -Path requests).Total | Should -Be $before
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'KvsLocal.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:kvs = Start-KvsLocal
    Set-KvsLocalDefault $kvs
    $script:channels = @('cam-a', 'cam-b', 'cam-c' | New-KvsSignalingChannel)
    $script:ingest = New-KvsSignalingChannel -ChannelName ingest-1
    Enable-KvsLocalMediaIngestion $kvs $ingest.ChannelARN
    $script:cmdletType = 'KvsSignaling.PowerShell.Commands.GetKvsSignalingChannelEndpointCommand'
    $script:missingArn = 'arn:aws:kinesisvideo:us-west-2:123456789012:channel/missing/1700000000000'
}

AfterAll {
    Clear-KvsLocalDefault
    Stop-KvsLocal $kvs
}

Describe 'Get-KvsSignalingChannelEndpoint' {
    Context 'parameter sets' {
        It 'takes one ARN by position and writes one MASTER object with WSS and HTTPS' {
            $result = @(Get-KvsSignalingChannelEndpoint $channels[0].ChannelARN)
            $result.Count | Should -Be 1
            $result[0].PSTypeNames[0] | Should -Be 'KvsSignaling.SignalingChannelEndpoint'
            $result[0].ChannelARN | Should -Be $channels[0].ChannelARN
            $result[0].ChannelName | Should -Be 'cam-a'
            $result[0].Region | Should -Be 'us-west-2'
            $result[0].Role | Should -Be 'MASTER'
            $result[0].Wss | Should -BeOfType [uri]
            $result[0].Wss.AbsolutePath | Should -Match '/m-'
            $result[0].Https | Should -BeOfType [uri]
            $result[0].WebRtc | Should -BeNullOrEmpty
            @($result[0].Endpoints.Protocol) | Should -Be @('WSS', 'HTTPS')
        }

        It 'takes several ARNs in one -ChannelARN array and keeps their order' {
            $arns = $channels[2, 0, 1].ChannelARN
            (Get-KvsSignalingChannelEndpoint -ChannelARN $arns).ChannelARN | Should -Be $arns
        }

        It 'resolves -ChannelName through DescribeSignalingChannel' {
            $before = Get-KvsLocalRequestCount $kvs DescribeSignalingChannel
            $result = Get-KvsSignalingChannelEndpoint -ChannelName cam-b -Force
            $result.ChannelARN | Should -Be $channels[1].ChannelARN
            Get-KvsLocalRequestCount $kvs DescribeSignalingChannel | Should -Be ($before + 1)
        }
    }

    Context 'pipeline binding' {
        It 'binds ARN strings by value' {
            ($channels.ChannelARN | Get-KvsSignalingChannelEndpoint).ChannelName | Should -Be @('cam-a', 'cam-b', 'cam-c')
        }

        It 'binds its own channel objects by property name' {
            (Get-KvsSignalingChannel -NamePrefix cam- | Get-KvsSignalingChannelEndpoint).ChannelName | Should -Be @('cam-a', 'cam-b', 'cam-c')
        }

        It 'binds objects shaped like AWS Tools ChannelInfo' {
            $awsTools = $channels | ForEach-Object {
                [pscustomobject]@{ ChannelARN = $_.ChannelARN; ChannelName = $_.ChannelName; ChannelStatus = 'ACTIVE'; ChannelType = 'SINGLE_MASTER'; CreationTime = Get-Date; Version = 'x' }
            }
            ($awsTools | Get-KvsSignalingChannelEndpoint -Role VIEWER).ChannelARN | Should -Be $channels.ChannelARN
        }

        It 'binds the <Property> alias by property name' -TestCases @(@{ Property = 'ARN' }, @{ Property = 'ResourceARN' }) {
            $input = [pscustomobject]@{ $Property = $channels[1].ChannelARN }
            ($input | Get-KvsSignalingChannelEndpoint).ChannelName | Should -Be 'cam-b'
        }

        It 'binds objects that carry only a ChannelName to the name parameter set' {
            ([pscustomobject]@{ ChannelName = 'cam-c' } | Get-KvsSignalingChannelEndpoint).ChannelARN | Should -Be $channels[2].ChannelARN
        }
    }

    Context 'roles' {
        It 'writes MASTER then VIEWER for each channel with -Role MASTER,VIEWER' {
            $result = @($channels.ChannelARN | Get-KvsSignalingChannelEndpoint -Role MASTER, VIEWER)
            $result.Count | Should -Be 6
            $result.Role | Should -Be @('MASTER', 'VIEWER', 'MASTER', 'VIEWER', 'MASTER', 'VIEWER')
            $result.ChannelName | Should -Be @('cam-a', 'cam-a', 'cam-b', 'cam-b', 'cam-c', 'cam-c')
            $result[0].Wss | Should -Not -Be $result[1].Wss
            $result[1].Wss.AbsolutePath | Should -Match '/v-'
        }

        It 'accepts roles in any case and writes the canonical value' {
            (Get-KvsSignalingChannelEndpoint $channels[0].ChannelARN -Role viewer).Role | Should -BeExactly 'VIEWER'
        }
    }

    Context 'protocols' {
        It 'answers exactly <Protocol> for a media-ingestion channel' -TestCases @(
            @{ Protocol = @('WSS') }, @{ Protocol = @('HTTPS') }, @{ Protocol = @('WEBRTC') },
            @{ Protocol = @('WSS', 'HTTPS') }, @{ Protocol = @('WSS', 'WEBRTC') }, @{ Protocol = @('HTTPS', 'WEBRTC') },
            @{ Protocol = @('wss', 'https', 'webrtc') }
        ) {
            $result = Get-KvsSignalingChannelEndpoint $ingest.ChannelARN -Protocol $Protocol -Force
            $wanted = $Protocol.ToUpperInvariant()
            @($result.Endpoints.Protocol | Sort-Object) | Should -Be @($wanted | Sort-Object)
            ($null -ne $result.Wss) | Should -Be ($wanted -contains 'WSS')
            ($null -ne $result.Https) | Should -Be ($wanted -contains 'HTTPS')
            ($null -ne $result.WebRtc) | Should -Be ($wanted -contains 'WEBRTC')
        }

        It 'reports the service refusing WEBRTC for a channel without media ingestion' {
            $result = Get-KvsSignalingChannelEndpoint $channels[0].ChannelARN -Protocol WEBRTC -Force -ErrorVariable err -ErrorAction SilentlyContinue
            $result | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be "ServiceRejectedArgument,$cmdletType"
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
    }

    Context 'validation before any request' {
        It 'refuses <Name> with <ErrorId>' -TestCases @(
            @{ Name = 'an unknown role'; Arguments = @{ Role = 'OWNER' }; ErrorId = 'InvalidRole'; Text = "'OWNER'.*MASTER, VIEWER" }
            @{ Name = 'an empty role list'; Arguments = @{ Role = @() }; ErrorId = 'InvalidRole'; Text = 'At least one role.*MASTER, VIEWER' }
            @{ Name = 'an empty protocol list'; Arguments = @{ Protocol = @() }; ErrorId = 'InvalidProtocol'; Text = 'At least one protocol.*WSS, HTTPS, WEBRTC' }
            @{ Name = 'a role given twice'; Arguments = @{ Role = 'MASTER', 'master' }; ErrorId = 'DuplicateRole'; Text = 'MASTER' }
            @{ Name = 'an unknown protocol'; Arguments = @{ Protocol = 'SMTP' }; ErrorId = 'InvalidProtocol'; Text = "'SMTP'.*WSS, HTTPS, WEBRTC" }
            @{ Name = 'a protocol given twice'; Arguments = @{ Protocol = 'wss', 'WSS' }; ErrorId = 'DuplicateProtocol'; Text = "'WSS'.*WSS, HTTPS, WEBRTC" }
            @{ Name = 'too many protocols'; Arguments = @{ Protocol = 'WSS', 'HTTPS', 'WEBRTC', 'WSS', 'HTTPS', 'WEBRTC' }; ErrorId = 'TooManyProtocols'; Text = '6 protocols.*1\.\.5 of WSS, HTTPS, WEBRTC' }
            @{ Name = 'four protocols, one repeated'; Arguments = @{ Protocol = 'WSS', 'HTTPS', 'WEBRTC', 'WSS' }; ErrorId = 'DuplicateProtocol'; Text = "'WSS'.*WSS, HTTPS, WEBRTC" }
            @{ Name = 'an access key without a secret key'; Arguments = @{ SecretKey = $null }; ErrorId = 'IncompleteCredentials'; Text = '-SecretKey' }
        ) {
            $before = Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint
            $call = @{ ChannelARN = $channels[0].ChannelARN; Force = $true } + $Arguments
            if ($call.ContainsKey('SecretKey')) {
                $global:PSDefaultParameterValues.Remove('*-KvsSignaling*:SecretKey')
                $call.Remove('SecretKey')
            }
            $thrown = $null
            try {
                Get-KvsSignalingChannelEndpoint @call
            }
            catch {
                $thrown = $_
            }
            finally {
                Set-KvsLocalDefault $kvs
            }
            # A terminating error: the whole call is unusable.
            $thrown.FullyQualifiedErrorId | Should -Be "$ErrorId,$cmdletType"
            $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $thrown.Exception.Message | Should -Match $Text
            Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint | Should -Be $before
        }

        It 'writes InvalidChannelArn for a malformed ARN, naming it, and sends nothing' {
            $before = Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint
            Get-KvsSignalingChannelEndpoint -ChannelARN 'arn:aws:s3:::bucket' -Force -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be "InvalidChannelArn,$cmdletType"
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err[0].TargetObject | Should -Be 'arn:aws:s3:::bucket'
            $err[0].Exception.Message | Should -Match 'arn:aws:s3:::bucket'
            Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint | Should -Be $before
        }

        It 'writes InvalidChannelName for a name the service model does not allow' {
            Get-KvsSignalingChannelEndpoint -ChannelName 'bad name!' -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be "InvalidChannelName,$cmdletType"
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
    }

    Context 'errors per input' {
        It 'writes one error per failing input with its id, category and target, and goes on' {
            $inputs = @($missingArn, $channels[0].ChannelARN, 'garbage', $channels[1].ChannelARN)
            $result = @($inputs | Get-KvsSignalingChannelEndpoint -Force -ErrorVariable err -ErrorAction SilentlyContinue)
            $result.ChannelName | Should -Be @('cam-a', 'cam-b')
            $err.Count | Should -Be 2
            $err[0].FullyQualifiedErrorId | Should -Be "ChannelNotFound,$cmdletType"
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $err[0].TargetObject | Should -Be $missingArn
            "$err[0]" | Should -Match 'request id [0-9a-f-]{8,}'
            $err[1].FullyQualifiedErrorId | Should -Be "InvalidChannelArn,$cmdletType"
            $err[1].TargetObject | Should -Be 'garbage'
        }

        It 'stops at the first failing input with -ErrorAction Stop' {
            $seen = [System.Collections.Generic.List[object]]::new()
            { $missingArn, $channels[0].ChannelARN | Get-KvsSignalingChannelEndpoint -Force -ErrorAction Stop | ForEach-Object { $seen.Add($_) } } |
                Should -Throw -ErrorId "ChannelNotFound,$cmdletType"
            $seen.Count | Should -Be 0
        }

        It 'reports AuthenticationFailed for credentials the service does not know' {
            Get-KvsSignalingChannelEndpoint $channels[0].ChannelARN -AccessKey AKIDUNKNOWN -SecretKey nope -Force -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be "AuthenticationFailed,$cmdletType"
            $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        }
    }

    Context 'credentials' {
        It 'accepts a PSCredential whose user name is the access key id' {
            $global:PSDefaultParameterValues.Remove('*-KvsSignaling*:AccessKey')
            $global:PSDefaultParameterValues.Remove('*-KvsSignaling*:SecretKey')
            try {
                $credential = [pscredential]::new($LocalAccessKey, (ConvertTo-SecureString $LocalSecretKey -AsPlainText -Force))
                (Get-KvsSignalingChannelEndpoint $channels[0].ChannelARN -Credential $credential -Force).ChannelName | Should -Be 'cam-a'
            }
            finally {
                Set-KvsLocalDefault $kvs
            }
        }
    }

    Context 'retries, cache and -Force' {
        AfterEach { Clear-KvsLocalFault $kvs }

        It 'retries Kinesis Video throttling (HTTP 400) and succeeds' {
            Add-KvsLocalFault $kvs @{ Kind = 'Throttle'; Operation = 'GetSignalingChannelEndpoint'; Count = 2 }
            $before = Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint
            $verbose = Get-KvsSignalingChannelEndpoint $channels[0].ChannelARN -Force -Verbose 4>&1
            $result = @($verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
            $messages = @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            $result.Count | Should -Be 1
            Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint | Should -Be ($before + 3)
            $messages.Count | Should -Be 3
            $messages[0] | Should -Match 'GetSignalingChannelEndpoint .* attempt 1: 400 ClientLimitExceededException, request id \S+ in \d+ ms, retrying'
            $messages[2] | Should -Match 'attempt 3: 200'
        }

        It 'reports Throttled with LimitsExceeded when throttling outlasts the retries' {
            Add-KvsLocalFault $kvs @{ Kind = 'Throttle'; Operation = 'GetSignalingChannelEndpoint' }
            Get-KvsSignalingChannelEndpoint $channels[0].ChannelARN -Force -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be "Throttled,$cmdletType"
            $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        }

        It 'reports RequestThrottledException as Throttled with LimitsExceeded once the attempts run out' {
            Add-KvsLocalFault $kvs @{ Kind = 'Throttle'; Operation = 'GetSignalingChannelEndpoint'; ErrorCode = 'RequestThrottledException' }
            $before = Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint
            $env:AWS_RETRY_MODE = 'standard'
            try {
                Get-KvsSignalingChannelEndpoint $channels[0].ChannelARN -Force -MaxAttempts 1 -ErrorVariable err -ErrorAction SilentlyContinue
            }
            finally {
                $env:AWS_RETRY_MODE = $null
            }

            Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint | Should -Be ($before + 1)
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be "Throttled,$cmdletType"
            $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $err[0].Exception.ErrorCode | Should -Be 'RequestThrottledException'
            $err[0].Exception.Kind | Should -Be 'Throttled'
            $err[0].TargetObject | Should -Be $channels[0].ChannelARN
        }

        It 'reports ConnectionFailed with ConnectionError when the connection drops' {
            Add-KvsLocalFault $kvs @{ Kind = 'DropConnection'; Operation = 'GetSignalingChannelEndpoint' }
            Get-KvsSignalingChannelEndpoint $channels[0].ChannelARN -Force -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be "ConnectionFailed,$cmdletType"
            $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        }

        It 'reports InvalidEndpoint when the service answers an endpoint of the wrong scheme' {
            Add-KvsLocalFault $kvs @{ Kind = 'WrongEndpointScheme'; Operation = 'GetSignalingChannelEndpoint' }
            Get-KvsSignalingChannelEndpoint $channels[0].ChannelARN -Force -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be "InvalidEndpoint,$cmdletType"
            $err[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        }

        It 'answers a repeated lookup from the session cache and asks again with -Force' {
            $first = Get-KvsSignalingChannelEndpoint $channels[2].ChannelARN -Role VIEWER -Force
            $before = Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint
            $cached = Get-KvsSignalingChannelEndpoint $channels[2].ChannelARN -Role VIEWER
            Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint | Should -Be $before
            $cached.FromCache | Should -BeTrue
            $cached.Wss | Should -Be $first.Wss
            $forced = Get-KvsSignalingChannelEndpoint $channels[2].ChannelARN -Role VIEWER -Force
            Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint | Should -Be ($before + 1)
            $forced.FromCache | Should -BeFalse
        }
    }

    Context 'answers from the session cache' {
        It 'answers piped repeats from the cache in input order' {
            $repeat = @('repeat-a', 'repeat-b' | New-KvsSignalingChannel)
            $inputs = @($repeat[0].ChannelARN, $repeat[1].ChannelARN, $repeat[0].ChannelARN)
            $first = @($inputs | Get-KvsSignalingChannelEndpoint -Role VIEWER)
            $before = Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint
            $second = @($inputs | Get-KvsSignalingChannelEndpoint -Role VIEWER)
            $third = @($inputs | Get-KvsSignalingChannelEndpoint -Role VIEWER)
            Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint | Should -Be $before
            $second.ChannelARN | Should -Be $inputs
            @($second.FromCache) | Should -Be @($true, $true, $true)
            $second.Wss | Should -Be $first.Wss
            $third.ChannelARN | Should -Be $inputs
        }

        It 'stops answering from the cache once the channel is deleted' {
            $doomed = New-KvsSignalingChannel -ChannelName repeat-deleted
            $null = $doomed.ChannelARN | Get-KvsSignalingChannelEndpoint
            ($doomed.ChannelARN | Get-KvsSignalingChannelEndpoint).FromCache | Should -BeTrue
            Remove-KvsSignalingChannel -ChannelARN $doomed.ChannelARN -Confirm:$false
            $doomed.ChannelARN | Get-KvsSignalingChannelEndpoint -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Be "ChannelNotFound,$cmdletType"
        }

        It 'asks again once -Force refreshed the entry, and answers the refreshed endpoints from the cache after it' {
            $refreshed = New-KvsSignalingChannel -ChannelName repeat-forced
            $null = $refreshed.ChannelARN | Get-KvsSignalingChannelEndpoint
            $old = $refreshed.ChannelARN | Get-KvsSignalingChannelEndpoint
            $forced = $refreshed.ChannelARN | Get-KvsSignalingChannelEndpoint -Force
            $forced.FromCache | Should -BeFalse
            $after = $refreshed.ChannelARN | Get-KvsSignalingChannelEndpoint
            $after.FromCache | Should -BeTrue
            $after.RequestId | Should -Be $forced.RequestId
            $after.RequestId | Should -Not -Be $old.RequestId
        }
    }

    Context 'concurrency and cancellation' {
        AfterEach { Clear-KvsLocalFault $kvs }

        It 'keeps input order with many concurrent lookups' {
            $bulk = @(1..24 | ForEach-Object { "bulk-$_" } | New-KvsSignalingChannel)
            Add-KvsLocalFault $kvs @{ Kind = 'Latency'; Operation = 'GetSignalingChannelEndpoint'; LatencyMs = 50 }
            $shuffled = $bulk.ChannelARN | Get-Random -Count $bulk.Count
            ($shuffled | Get-KvsSignalingChannelEndpoint -ThrottleLimit 6 -Force).ChannelARN | Should -Be $shuffled
        }

        It 'streams: reads at most a bounded window of input before its first output' {
            $produced = 0
            $atFirstOutput = $null
            1..500 | ForEach-Object { $produced++; $channels[0].ChannelARN } |
                Get-KvsSignalingChannelEndpoint -ThrottleLimit 4 |
                ForEach-Object { if ($null -eq $atFirstOutput) { $atFirstOutput = $produced } } |
                Select-Object -First 1
            $atFirstOutput | Should -BeGreaterThan 0
            # The window holds at most twice -ThrottleLimit lookups; the rest of the input was never read.
            $atFirstOutput | Should -BeLessOrEqual 9
        }

        It 'writes progress records on a long run' {
            Add-KvsLocalFault $kvs @{ Kind = 'Latency'; Operation = 'GetSignalingChannelEndpoint'; LatencyMs = 100 }
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript({
                        param($ModulePath, $Url, $Arns, $AccessKey, $SecretKey)
                        Import-Module $ModulePath
                        $Arns | Get-KvsSignalingChannelEndpoint -ThrottleLimit 1 -Force -EndpointUrl $Url -Region us-west-2 -AccessKey $AccessKey -SecretKey $SecretKey
                    }).AddParameters(@{ ModulePath = (Get-BuiltModulePath); Url = $kvs.Url; Arns = @($channels.ChannelARN) * 5; AccessKey = $LocalAccessKey; SecretKey = $LocalSecretKey })
                # Fifteen sequential lookups of at least 100 ms each pass the one-second mark.
                $output = $ps.Invoke()
                $output.Count | Should -Be 15
                $progress = @($ps.Streams.Progress)
                $progress.Count | Should -BeGreaterThan 1
                $progress[0].Activity | Should -Be 'Get-KvsSignalingChannelEndpoint'
                $progress[0].StatusDescription | Should -Match '^\d+ channel\(s\) looked up$'
                $progress[-1].RecordType | Should -Be 'Completed'
            }
            finally {
                $ps.Dispose()
            }
        }

        It 'stops in-flight requests when the pipeline is stopped' {
            Add-KvsLocalFault $kvs @{ Kind = 'Latency'; Operation = 'GetSignalingChannelEndpoint'; LatencyMs = 120000 }
            $before = Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript({
                        param($ModulePath, $Url, $Arn, $AccessKey, $SecretKey)
                        Import-Module $ModulePath
                        Get-KvsSignalingChannelEndpoint $Arn -Force -EndpointUrl $Url -Region us-west-2 -AccessKey $AccessKey -SecretKey $SecretKey
                    }).AddParameters(@{ ModulePath = (Get-BuiltModulePath); Url = $kvs.Url; Arn = $channels[0].ChannelARN; AccessKey = $LocalAccessKey; SecretKey = $LocalSecretKey })
                $running = $ps.BeginInvoke()
                # Wait (bounded) until the request is in flight at kvs-local.
                $deadline = [DateTime]::UtcNow.AddSeconds(30)
                while ((Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint) -eq $before -and [DateTime]::UtcNow -lt $deadline) {
                    Start-Sleep -Milliseconds 20
                }
                Get-KvsLocalRequestCount $kvs GetSignalingChannelEndpoint | Should -Be ($before + 1)
                $stopping = $ps.BeginStop($null, $null)
                # The latency is two minutes: returning at all proves the request was cancelled.
                $stopping.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(30)) | Should -BeTrue
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
                $running.IsCompleted | Should -BeTrue
            }
            finally {
                $ps.Dispose()
            }
        }
    }

    Context 'objects, not text' {
        It 'exports to CSV and JSON with the channel and role on every row' {
            $result = $channels.ChannelARN | Get-KvsSignalingChannelEndpoint -Role MASTER, VIEWER
            $csv = $result | ConvertTo-Csv | ConvertFrom-Csv
            $csv.Count | Should -Be 6
            $csv[1].ChannelARN | Should -Be $channels[0].ChannelARN
            $csv[1].Role | Should -Be 'VIEWER'
            $csv[1].Wss | Should -Be $result[1].Wss.AbsoluteUri
            $json = $result | ConvertTo-Json -Depth 4 | ConvertFrom-Json
            $json[0].Endpoints[0].Protocol | Should -Be 'WSS'
            ($result | Select-Object ChannelName, Role, Wss | Where-Object Role -EQ VIEWER).Count | Should -Be 3
        }

        It 'has a default table view no wider than 80 columns' {
            $lines = $channels.ChannelARN | Get-KvsSignalingChannelEndpoint -Role MASTER, VIEWER | Out-String -Width 250 -Stream
            $lines | Should -Contain 'Role   Protocol ResourceEndpoint'
            ($lines | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 80
            $lines = Get-KvsSignalingChannel | Out-String -Width 250 -Stream
            ($lines | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 80
        }

        It 'completes -Role and -Protocol case-insensitively with canonical values' {
            $line = 'Get-KvsSignalingChannelEndpoint -Role v'
            (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('VIEWER')
            $line = 'Get-KvsSignalingChannelEndpoint -Protocol '
            (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('WSS', 'HTTPS', 'WEBRTC')
        }
    }
}

Describe 'Get-KvsSignalingChannelEndpoint with AWS-shaped endpoints' {
    BeforeAll {
        $script:aws = Start-KvsLocal -ArgumentList '--endpoint-style', 'aws'
        Set-KvsLocalDefault $aws
        $script:long = New-KvsSignalingChannel -ChannelName 'a-rather-long-camera-channel-name-at-the-back-gate'
    }

    AfterAll {
        Set-KvsLocalDefault $kvs
        Stop-KvsLocal $aws
    }

    It 'fits real endpoint URLs in the default table within 80 columns' {
        $result = Get-KvsSignalingChannelEndpoint $long.ChannelARN -Role MASTER, VIEWER
        $result[0].Wss.Host | Should -Match '^m-[0-9a-f]+\.kinesisvideo\.us-west-2\.amazonaws\.com$'
        $lines = $result | Out-String -Width 250 -Stream
        $lines | Should -Contain "MASTER WSS      $($result[0].Wss.AbsoluteUri)"
        ($lines | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 80
    }
}

Describe 'Get-KvsSignalingChannelEndpoint -MaxRequestsPerSecond' {
    BeforeAll {
        # A quota of 5 lookups per second per account: unpaced, 12 concurrent lookups are throttled and retried.
        $script:quoted = Start-KvsLocal -ArgumentList '--quota', 'GetSignalingChannelEndpoint=5'
        Set-KvsLocalDefault $quoted
        $script:paced = @(1..12 | ForEach-Object { New-KvsSignalingChannel -ChannelName "paced-$_" })
    }

    AfterAll {
        Set-KvsLocalDefault $kvs
        Stop-KvsLocal $quoted
    }

    It 'stays under the quota: every lookup succeeds with one request each and no throttling retry' {
        $before = Get-KvsLocalRequestCount $quoted GetSignalingChannelEndpoint
        $result = $paced | Get-KvsSignalingChannelEndpoint -MaxRequestsPerSecond 4 -ThrottleLimit 8 -Force -ErrorVariable err -Verbose 4>&1
        $records = @($result | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $verbose = @($result | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $err | Should -BeNullOrEmpty
        $records.Count | Should -Be 12
        @($verbose | Where-Object { $_ -match 'ClientLimitExceededException' }) | Should -BeNullOrEmpty
        Get-KvsLocalRequestCount $quoted GetSignalingChannelEndpoint | Should -Be ($before + 12)
    }

    It 'refuses a rate below 1 before any request' {
        { Get-KvsSignalingChannelEndpoint $paced[0].ChannelARN -MaxRequestsPerSecond 0 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,KvsSignaling.PowerShell.Commands.GetKvsSignalingChannelEndpointCommand'
    }
}

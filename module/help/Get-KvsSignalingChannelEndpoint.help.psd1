@{
    Synopsis    = 'Gets the WSS, HTTPS and WEBRTC endpoints of signaling channels, one object per channel and role.'
    Description = @'
Get-KvsSignalingChannelEndpoint calls GetSignalingChannelEndpoint for every channel given by ARN (as strings or as objects with a ChannelARN property, such as the output of Get-KvsSignalingChannel or of AWS Tools for PowerShell) or by name. It writes one KvsSignaling.SignalingChannelEndpoint object per channel and role, with the channel's ARN, name and region, the role, one property per protocol (Wss, Https, WebRtc) holding the endpoint as a URI, and the raw list of endpoints.

Arguments are checked before any request: a malformed ARN, an unknown role or protocol, or a protocol given twice is reported with the allowed values. A channel that fails (for example because it does not exist) writes a non-terminating error with the channel as target object and the service's request id, and the pipeline goes on with the next channel.

Channels are looked up concurrently, at most -ThrottleLimit at a time, and written in input order. Throttling (ClientLimitExceededException, which the service answers with HTTP 400) and transient faults are retried. Endpoints are cached for the session per configuration, so a repeated lookup makes no request; -Force asks the service again. -Verbose shows every request: operation, endpoint, attempt, status, request id and latency.
'@
    Defaults    = @{ Role = 'MASTER'; Protocol = 'WSS, HTTPS'; ThrottleLimit = '8' }
    Parameters  = @{
        ChannelARN    = 'The ARNs of the channels. Accepts strings from the pipeline and objects with a ChannelARN (or ARN, ResourceARN) property.'
        ChannelName   = 'The names of the channels, resolved to ARNs with DescribeSignalingChannel. Accepts objects with a ChannelName property from the pipeline.'
        Role          = 'MASTER, VIEWER or both, in any case. One object is written per channel and role.'
        Protocol      = 'Any of WSS, HTTPS and WEBRTC, in any case, each at most once. WEBRTC is answered only for channels configured for media ingestion.'
        ThrottleLimit = 'How many channels are looked up at the same time, 1 to 64.'
        Force         = 'Asks the service even when the session cache holds the endpoints, and refreshes the cache.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Channel ARNs.' }
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'Channels from Get-KvsSignalingChannel or New-KvsSignalingChannel, or any object with a ChannelARN property.' }
    )
    Outputs     = @(
        @{ Type = 'KvsSignaling.SignalingChannelEndpoint'; Description = 'One per channel and role: ChannelARN, ChannelName, Region, Role, Wss, Https, WebRtc, Endpoints, RequestId, FromCache.' }
    )
    Notes       = 'Error ids: InvalidChannelArn, InvalidChannelName, InvalidRole, DuplicateRole, InvalidProtocol, DuplicateProtocol, TooManyProtocols, IncompleteCredentials, InvalidClientConfiguration, ChannelNotFound, AccessDenied, AuthenticationFailed, Throttled, ServiceRejectedArgument, ServiceError, ConnectionFailed, InvalidEndpoint.'
    Examples    = @(
        @{
            Title   = 'Viewer endpoints of every camera channel'
            Code    = 'Get-KvsSignalingChannel -NamePrefix cam- | Get-KvsSignalingChannelEndpoint -Role VIEWER'
            Remarks = 'Lists the channels whose names start with cam- and writes the viewer endpoints of each, grouped by channel.'
        }
        @{
            Title   = 'Both roles of one channel, by name, WSS only'
            Code    = 'Get-KvsSignalingChannelEndpoint -ChannelName cam-front-door -Role MASTER, VIEWER -Protocol wss'
            Remarks = 'Resolves the name to its ARN and writes two objects, MASTER then VIEWER; Https and WebRtc are $null because only WSS was asked for.'
        }
        @{
            Title   = 'Pick properties of a channel given by ARN, bypassing the cache'
            Code    = @'
$arn = (Get-KvsSignalingChannel -ChannelName cam-front-door).ChannelARN
Get-KvsSignalingChannelEndpoint -ChannelARN $arn -Force | Select-Object ChannelName, Role, Wss, Https
'@
            Remarks = 'The objects carry their channel and role, so Select-Object, Sort-Object, Where-Object and Export-Csv work on them directly.'
        }
        @{
            Title   = 'Export every endpoint as JSON'
            Code    = 'Get-KvsSignalingChannel | Get-KvsSignalingChannelEndpoint -Role MASTER, VIEWER -ThrottleLimit 16 | ConvertTo-Json -Depth 3'
            Remarks = 'Looks up to 16 channels at a time; the output keeps the input order.'
        }
    )
    Links       = @('Get-KvsSignalingChannel', 'New-KvsSignalingChannel', 'Remove-KvsSignalingChannel')
}

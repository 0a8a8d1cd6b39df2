@{
    Synopsis    = 'Checks, step by step, that a peer can connect to signaling channels in a role.'
    Description = @'
Test-KvsSignalingChannel runs, for each channel, the checks an admin runs when a camera or a viewer does not connect, in order: Describe (DescribeSignalingChannel: the channel exists and the credentials are accepted), Endpoints (GetSignalingChannelEndpoint for WSS and HTTPS in the role), IceServers (GetIceServerConfig on the HTTPS endpoint) and WebSocket (a signaling WebSocket opens with a freshly presigned URL in the role, and is closed again at once). The lookups ask the service, not the session's cache; the WebSocket uses the WSS endpoint the Endpoints check just got.

It writes one KvsSignaling.SignalingChannelTest per channel: ChannelARN, ChannelName, Role, ClientId, Passed, FailedStep and Steps. Each step has Name, Status (Passed, Failed or Skipped), Passed, Latency (a TimeSpan, retries included), Detail (what a passed check found, never a credential), Error (the failure's message) and ErrorId (the id the other cmdlets would write for it, for example AuthenticationFailed, ChannelNotFound or SignalingConnectionFailed). The checks after a failing one are Skipped, so every result has all four steps.

A failing check is a result, not an error: a script asks $result.Passed, or uses -Quiet to get only $true or $false. Input that cannot be used is an error, as in the other cmdlets, before any request: a malformed ARN (InvalidChannelArn), a channel name outside the model (InvalidChannelName), an unknown -Role (InvalidRole), a -ClientId outside the service's rules or given with -Role MASTER (InvalidClientId).

The default role is VIEWER: an admin checking a camera usually connects as one more viewer, which does not disturb the camera, while a second master connection takes the master's place on the channel. Use -Role MASTER to check the camera's own credentials and path.
'@
    Parameters  = @{
        ChannelARN  = 'The ARNs of the channels to test. Accepts strings and objects with a ChannelARN property from the pipeline, such as the output of Get-KvsSignalingChannel and Get-KvsSignalingChannelEndpoint.'
        ChannelName = 'The names of the channels to test; resolving the name is the Describe check. Accepts objects with a ChannelName property from the pipeline.'
        Role        = 'The role to connect as: VIEWER (the default) or MASTER. Bound from a piped Role property, so Get-KvsSignalingChannelEndpoint output tests the role it was asked for. Tab completes the values.'
        ClientId    = 'The client id the viewer checks use: 1 to 256 letters, digits, underscores, periods and hyphens, not starting with AWS_. Without it, a generated id of the form kvs-test-<12 hex digits> is used (one per call, shown as the result''s ClientId). Not allowed with MASTER: a master connects without one.'
        Quiet       = 'Writes only $true (every check passed) or $false per channel instead of the result object.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Channel ARNs.' }
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'Channels from Get-KvsSignalingChannel (bound by ChannelARN).' }
        @{ Type = 'KvsSignaling.SignalingChannelEndpoint'; Description = 'Endpoints from Get-KvsSignalingChannelEndpoint (bound by ChannelARN and Role).' }
    )
    Outputs     = @(
        @{ Type = 'KvsSignaling.SignalingChannelTest'; Description = 'One per channel.' }
        @{ Type = 'System.Boolean'; Description = 'With -Quiet, one per channel.' }
    )
    Examples    = @(
        @{
            Title   = 'Why does a camera not connect?'
            Code    = '(Test-KvsSignalingChannel -ChannelName cam-front-door).Steps | Format-Table Name, Status, Latency, ErrorId, Error'
            Remarks = 'Runs the four checks as a viewer and lists each one: the first that failed names the problem, with the error id the other cmdlets would write.'
        }
        @{
            Title   = 'Every camera channel as its master, in a script'
            Code    = "Get-KvsSignalingChannel -NamePrefix cam- | Where-Object { -not (`$_ | Test-KvsSignalingChannel -Role MASTER -Quiet) } | Select-Object ChannelName"
            Remarks = 'Lists the channels whose master could not connect; -Quiet gives only $true or $false per channel.'
        }
    )
    Links       = @('Watch-KvsSignalingChannel', 'Get-KvsSignalingChannelEndpoint', 'Get-KvsIceServerConfig')
}

@{
    Synopsis    = 'Creates presigned WebSocket URLs that connect to signaling channels as master or viewer.'
    Description = @'
Get-KvsSignalingPresignedUrl signs, with the session's AWS credentials, the WSS URL a master (ConnectAsMaster) or a viewer (ConnectAsViewer) opens to a signaling channel, and writes one KvsSignaling.SignalingPresignedUrl per channel and role: ChannelARN, ChannelName, Role, ClientId, Url and ExpiresAt. The signature is SigV4 in the query string for the kinesisvideo service, with a session token signed in the query and host the only signed header, as the AWS WebRTC SDKs sign it. The URL is signed locally; the only request is GetSignalingChannelEndpoint for the WSS endpoint, answered from the session's cache when it can be. The URL grants a connection to whoever holds it until ExpiresAt, so it is written only as the object's Url, never under -Verbose or in an error. A -ClientId outside the service's rules writes InvalidClientId before any request.
'@
    Parameters  = @{
        ChannelARN  = 'The ARNs of the channels. Accepts strings and objects with a ChannelARN property from the pipeline, such as the output of Get-KvsSignalingChannel and Get-KvsSignalingChannelEndpoint.'
        ChannelName = 'The names of the channels, resolved to ARNs with DescribeSignalingChannel. Accepts objects with a ChannelName property from the pipeline.'
        Role        = 'MASTER, VIEWER or both: one URL per channel and role. Bound from a piped Role property, so Get-KvsSignalingChannelEndpoint output pipes in.'
        ClientId    = 'The client id the viewer connects with: 1 to 256 letters, digits, underscores, periods and hyphens, not starting with AWS_. Required for VIEWER; a master connects without one, so it is not used for MASTER.'
        ExpiresIn   = 'How many seconds the URL is valid, 1 to 604800 (7 days); 299 by default, as the AWS WebRTC SDK for JavaScript uses. Temporary credentials shorten it to their own expiry.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Channel ARNs.' }
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'Channels from Get-KvsSignalingChannel (bound by ChannelARN).' }
        @{ Type = 'KvsSignaling.SignalingChannelEndpoint'; Description = 'Endpoints from Get-KvsSignalingChannelEndpoint (bound by ChannelARN and Role).' }
    )
    Outputs     = @(
        @{ Type = 'KvsSignaling.SignalingPresignedUrl'; Description = 'One per channel and role.' }
    )
    Examples    = @(
        @{
            Title   = 'A viewer URL for a browser'
            Code    = '(Get-KvsSignalingPresignedUrl -ChannelName cam-front-door -Role VIEWER -ClientId browser-1 -ExpiresIn 600).Url'
            Remarks = 'Writes the wss:// URL a browser viewer named browser-1 connects with during the next ten minutes.'
        }
        @{
            Title   = 'Master URLs of several channels'
            Code    = "Get-KvsSignalingChannel -NamePrefix cam- | Get-KvsSignalingPresignedUrl -Role MASTER | Select-Object ChannelName, ExpiresAt"
            Remarks = 'Presigns a master URL for every channel whose name starts with cam- and lists when each expires.'
        }
    )
    Links       = @('Get-KvsSignalingChannelEndpoint', 'Get-KvsIceServerConfig')
}

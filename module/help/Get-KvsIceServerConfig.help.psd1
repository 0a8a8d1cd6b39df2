@{
    Synopsis    = 'Gets the ICE (TURN) servers of signaling channels.'
    Description = @'
Get-KvsIceServerConfig sends GetIceServerConfig to each channel's HTTPS endpoint (found with GetSignalingChannelEndpoint, through the session's cache) and writes one KvsSignaling.SignalingIceServer per server: ChannelARN, ChannelName, ClientId, Uris, Username, Password, Ttl (seconds) and ExpiresAt. The session keeps the servers until 30 seconds before the shortest Ttl, as the AWS WebRTC SDKs refresh them; -Force asks again. The password is a credential: the default view does not show it. A missing channel writes ChannelNotFound; a -ClientId outside the service's rules writes InvalidClientId before any request.
'@
    Parameters  = @{
        ChannelARN  = 'The ARNs of the channels. Accepts strings and objects with a ChannelARN property from the pipeline.'
        ChannelName = 'The names of the channels, resolved to ARNs with DescribeSignalingChannel. Accepts objects with a ChannelName property from the pipeline.'
        ClientId    = "A viewer's client id (1 to 256 letters, digits, underscores, periods and hyphens, not starting with AWS_); without it the servers are asked for as the master."
        Force       = 'Asks the service even when the session keeps servers from an earlier answer.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Channel ARNs.' }
    )
    Outputs     = @(
        @{ Type = 'KvsSignaling.SignalingIceServer'; Description = 'One per ICE server.' }
    )
    Examples    = @(
        @{
            Title   = 'The TURN servers of a channel'
            Code    = 'Get-KvsIceServerConfig -ChannelName cam-front-door'
            Remarks = 'Lists the servers, their user names and expiry; the password is left out of the view.'
        }
        @{
            Title   = 'Servers for a viewer, as a browser RTCIceServer list'
            Code    = "Get-KvsSignalingChannel -ChannelName cam-garage | Get-KvsIceServerConfig -ClientId viewer-1 | ForEach-Object { @{ urls = `$_.Uris; username = `$_.Username; credential = `$_.Password } } | ConvertTo-Json -Depth 3 | Out-Null"
            Remarks = 'Builds the iceServers array of an RTCPeerConnection for the viewer viewer-1.'
        }
    )
    Links       = @('Get-KvsSignalingPresignedUrl', 'Get-KvsSignalingChannelEndpoint')
}

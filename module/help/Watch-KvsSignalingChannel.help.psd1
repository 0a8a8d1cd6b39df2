@{
    Synopsis    = 'Connects to a signaling channel and writes every message that arrives.'
    Description = @'
Watch-KvsSignalingChannel opens a signaling WebSocket to a channel as master or viewer (with a presigned URL signed by the session's credentials) and writes one KvsSignaling.SignalingMessageRecord for each message that arrives, as it arrives, so a developer can see what their viewer or master sends: Time (UTC), ChannelARN, Role, MessageType, SenderClientId, the decoded payload (Sdp for SdpOffer and SdpAnswer; Candidate, SdpMid and SdpMLineIndex for IceCandidate; Payload, the payload as sent), the service's StatusResponse (CorrelationId, StatusCode, ErrorType, Description) and notices (GoAway, ReconnectIceServer), and the connection's own Reconnecting and Reconnected (Reason, Attempt, Delay, Error). The default view shows Time, MessageType, SenderClientId and a one-line Summary.

After GO_AWAY or a dropped connection it reconnects with a new presigned URL (up to five attempts, with backoff); when the service closes the connection or reconnecting gives up, it writes SignalingConnectionFailed and ends.

It runs until Ctrl+C, until -Count peer messages have arrived, or until -Duration is over, whichever comes first, and then closes the WebSocket with a close frame. Ctrl+C is not an error. The watch length is -Duration, not -TimeoutSec: -TimeoutSec is the common per-request timeout of every KvsSignaling cmdlet (here it also limits the WebSocket handshake), while -Duration is how long to keep listening.

One channel per input: piped channels are watched one after another. Messages are sent by peers, not by this cmdlet; it only listens.
'@
    Parameters  = @{
        ChannelARN  = 'The ARN of the channel to watch. Accepts a string or an object with a ChannelARN property from the pipeline, such as the output of Get-KvsSignalingChannel and Get-KvsSignalingChannelEndpoint.'
        ChannelName = 'The name of the channel to watch, resolved to its ARN with DescribeSignalingChannel. Accepts an object with a ChannelName property from the pipeline.'
        Role        = 'The role to connect as: MASTER (see what viewers send) or VIEWER (see what the master sends). Bound from a piped Role property. Tab completes the values.'
        ClientId    = 'The client id to connect with as a viewer: 1 to 256 letters, digits, underscores, periods and hyphens, not starting with AWS_. Required for VIEWER, because the master answers a viewer by this id; not allowed for MASTER.'
        Count       = 'Stops after this many peer messages (SDP offers, SDP answers, ICE candidates), 1 or more. Status responses, notices and reconnects are written but not counted.'
        Duration    = 'Stops listening after this long: a TimeSpan (for example ''00:01:30'' or (New-TimeSpan -Minutes 5)) or a number of seconds (-Duration 30). Named -Duration, not -TimeoutSec, because -TimeoutSec is the common per-request timeout of every KvsSignaling cmdlet. Without -Duration and -Count the watch runs until Ctrl+C.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'A channel ARN.' }
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'Channels from Get-KvsSignalingChannel (bound by ChannelARN).' }
        @{ Type = 'KvsSignaling.SignalingChannelEndpoint'; Description = 'Endpoints from Get-KvsSignalingChannelEndpoint (bound by ChannelARN and Role).' }
    )
    Outputs     = @(
        @{ Type = 'KvsSignaling.SignalingMessageRecord'; Description = 'One per message received.' }
    )
    Examples    = @(
        @{
            Title   = 'What do the viewers send?'
            Code    = 'Watch-KvsSignalingChannel -ChannelName cam-front-door -Role MASTER -Duration 2'
            Remarks = 'Listens as the channel''s master for two seconds and writes each SDP offer and ICE candidate a viewer sends, with the viewer''s client id. Without -Duration it runs until Ctrl+C.'
        }
        @{
            Title   = 'The first offer, as a viewer sent it'
            Code    = 'Watch-KvsSignalingChannel -ChannelName cam-back-yard -Role VIEWER -ClientId debug-viewer -Count 1 -Duration 1 | Select-Object Time, MessageType, Sdp'
            Remarks = 'Connects as the viewer debug-viewer and stops at the first message from the master, or after a second; Sdp is the decoded session description.'
        }
    )
    Links       = @('Test-KvsSignalingChannel', 'Get-KvsSignalingPresignedUrl')
}

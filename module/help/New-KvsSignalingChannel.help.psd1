@{
    Synopsis    = 'Creates signaling channels.'
    Description = @'
New-KvsSignalingChannel creates a SINGLE_MASTER signaling channel for each name and writes the new channel as a KvsSignaling.SignalingChannel object, ready to pipe into Get-KvsSignalingChannelEndpoint. A name that is already taken writes a non-terminating ChannelInUse error; an invalid name writes InvalidChannelName before any request. Supports -WhatIf and -Confirm.
'@
    Parameters  = @{
        ChannelName       = 'The names of the channels to create: 1 to 256 letters, digits, underscores, periods and hyphens. Accepts strings and objects with a ChannelName property from the pipeline.'
        MessageTtlSeconds = 'How long undelivered signaling messages are kept, 5 to 120 seconds. Without it the service default (60) applies.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Channel names.' }
    )
    Outputs     = @(
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'One per created channel.' }
    )
    Examples    = @(
        @{
            Title   = 'Create a channel'
            Code    = 'New-KvsSignalingChannel -ChannelName cam-porch'
            Remarks = 'Creates the channel cam-porch and writes it.'
        }
        @{
            Title   = 'Create several channels and get their master endpoints'
            Code    = "'cam-lab-1', 'cam-lab-2' | New-KvsSignalingChannel -MessageTtlSeconds 30 | Get-KvsSignalingChannelEndpoint -Role MASTER"
            Remarks = 'Creates two channels whose messages are kept 30 seconds and writes the master endpoints of each.'
        }
    )
    Links       = @('Remove-KvsSignalingChannel', 'Get-KvsSignalingChannel')
}

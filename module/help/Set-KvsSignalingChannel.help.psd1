@{
    Synopsis    = 'Changes the message TTL of signaling channels.'
    Description = @'
Set-KvsSignalingChannel sets MessageTtlSeconds (how long undelivered signaling messages are kept) on each channel given by ARN (as strings or objects with a ChannelARN property) or by name, with UpdateSignalingChannel. An update names the channel's current version: the Version property of piped channels or -CurrentVersion; without one the channel is described first and its current version is used. A stale version writes a VersionMismatch error and changes nothing, so a channel piped from Get-KvsSignalingChannel is changed only if nobody changed it since it was read. Writes nothing on success, or with -PassThru each channel as described after the update (with its new Version). Supports -WhatIf and -Confirm (ConfirmImpact Medium).
'@
    Parameters  = @{
        ChannelARN        = 'The ARNs of the channels to change. Accepts strings and objects with a ChannelARN property from the pipeline.'
        ChannelName       = 'The names of the channels to change, resolved with DescribeSignalingChannel.'
        MessageTtlSeconds = 'The new message TTL, 5 to 120 seconds.'
        CurrentVersion    = 'Changes the channel only if it still has this version. Bound by property name from the Version property of Get-KvsSignalingChannel output; without it the version is described first.'
        PassThru          = 'Writes each changed channel as a KvsSignaling.SignalingChannel object, described after the update.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Channel ARNs.' }
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'Channels from Get-KvsSignalingChannel.' }
    )
    Outputs     = @(
        @{ Type = 'None'; Description = 'Nothing is written on success without -PassThru.' }
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'With -PassThru, each changed channel.' }
    )
    Examples    = @(
        @{
            Title   = 'Keep messages of one channel longer'
            Code    = 'Set-KvsSignalingChannel -ChannelName cam-front-door -MessageTtlSeconds 120 -PassThru'
            Remarks = 'Sets the TTL of cam-front-door to 120 seconds and writes the channel with its new version.'
        }
        @{
            Title   = 'Change every camera channel, but only those unchanged since they were read'
            Code    = 'Get-KvsSignalingChannel -NamePrefix cam- | Set-KvsSignalingChannel -MessageTtlSeconds 30'
            Remarks = 'Each piped channel binds its ChannelARN and Version; a channel changed in between writes VersionMismatch.'
        }
        @{
            Title   = 'See what would change'
            Code    = 'Get-KvsSignalingChannel -NamePrefix cam- | Set-KvsSignalingChannel -MessageTtlSeconds 10 -WhatIf'
            Remarks = 'Prints one "What if" line per channel and changes nothing.'
        }
    )
    Links       = @('Get-KvsSignalingChannel', 'New-KvsSignalingChannel')
}

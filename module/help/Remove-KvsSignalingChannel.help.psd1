@{
    Synopsis    = 'Deletes signaling channels.'
    Description = @'
Remove-KvsSignalingChannel deletes each channel given by ARN (as strings or objects with a ChannelARN property) or by name. Its ConfirmImpact is High, so PowerShell asks before each deletion unless -Confirm:$false is given; -WhatIf shows what would be deleted. With -CurrentVersion (bound from the Version property of piped channels) a channel is deleted only if nobody changed it since it was read; otherwise a VersionMismatch error is written. Writes nothing on success.
'@
    Parameters  = @{
        ChannelARN     = 'The ARNs of the channels to delete. Accepts strings and objects with a ChannelARN property from the pipeline.'
        ChannelName    = 'The names of the channels to delete, resolved to ARNs with DescribeSignalingChannel.'
        CurrentVersion = 'Deletes only if the channel still has this version. Bound by property name from the Version property of Get-KvsSignalingChannel output.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Channel ARNs.' }
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'Channels from Get-KvsSignalingChannel.' }
    )
    Outputs     = @(
        @{ Type = 'None'; Description = 'Nothing is written on success.' }
    )
    Examples    = @(
        @{
            Title   = 'Delete one channel without a prompt'
            Code    = 'Remove-KvsSignalingChannel -ChannelName cam-front-door -Confirm:$false'
            Remarks = 'Deletes cam-front-door.'
        }
        @{
            Title   = 'See what a cleanup would delete'
            Code    = 'Get-KvsSignalingChannel -NamePrefix cam- | Remove-KvsSignalingChannel -WhatIf'
            Remarks = 'Prints one "What if" line per channel and deletes nothing.'
        }
        @{
            Title   = 'Tear down every channel a script created'
            Code    = 'Get-KvsSignalingChannel -NamePrefix cam- | Remove-KvsSignalingChannel -Confirm:$false'
            Remarks = 'Deletes each channel only if its version is still the one just read.'
        }
    )
    Links       = @('New-KvsSignalingChannel', 'Get-KvsSignalingChannel')
}

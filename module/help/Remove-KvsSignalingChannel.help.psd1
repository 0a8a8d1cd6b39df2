@{
    Synopsis    = 'Deletes signaling channels.'
    Description = @'
Remove-KvsSignalingChannel deletes each channel given by ARN (as strings or objects with a ChannelARN property) or by name. Its ConfirmImpact is High, so PowerShell asks before each deletion unless -Confirm:$false or -Force is given (-Force, as in AWS Tools, skips the question unless -Confirm is given explicitly); -WhatIf shows what would be deleted, with or without -Force. With -CurrentVersion (bound from the Version property of piped channels) a channel is deleted only if nobody changed it since it was read; otherwise a VersionMismatch error is written. Writes nothing on success, or with -PassThru each deleted channel as it was just before the deletion (the channel is described first and deleted only at the version described).
'@
    Parameters  = @{
        ChannelARN     = 'The ARNs of the channels to delete. Accepts strings and objects with a ChannelARN property from the pipeline.'
        ChannelName    = 'The names of the channels to delete, resolved to ARNs with DescribeSignalingChannel.'
        CurrentVersion = 'Deletes only if the channel still has this version. Bound by property name from the Version property of Get-KvsSignalingChannel output.'
        PassThru       = 'Writes each deleted channel as a KvsSignaling.SignalingChannel object, described just before the deletion.'
        Force          = 'Deletes without asking for confirmation, even though ConfirmImpact is High; an explicit -Confirm still asks and -WhatIf still deletes nothing.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Channel ARNs.' }
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'Channels from Get-KvsSignalingChannel.' }
    )
    Outputs     = @(
        @{ Type = 'None'; Description = 'Nothing is written on success without -PassThru.' }
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'With -PassThru, each deleted channel.' }
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
        @{
            Title   = 'Delete in a script, without a prompt, and log what was deleted'
            Code    = 'Remove-KvsSignalingChannel -ChannelName cam-garage -Force -PassThru | Select-Object ChannelName, ChannelARN, Version'
            Remarks = 'Deletes cam-garage without asking and writes the channel that was deleted.'
        }
    )
    Links       = @('New-KvsSignalingChannel', 'Get-KvsSignalingChannel')
}

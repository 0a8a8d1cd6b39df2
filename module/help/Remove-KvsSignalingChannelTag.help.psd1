@{
    Synopsis    = 'Removes tags from signaling channels.'
    Description = @'
Remove-KvsSignalingChannelTag removes the tags with the keys of -TagKey from each channel given by ARN (as strings or objects with a ChannelARN property) or by name, with UntagResource; keys a channel does not have are ignored. -TagKey is checked against the model before any request (1 to 50 keys of 1 to 128 letters, digits, spaces and _ . : / = + - @); a bad key ends the command with an InvalidTag error naming it. Writes nothing on success, or with -PassThru each channel with a Tags hashtable of the tags it still has. Supports -WhatIf and -Confirm.
'@
    Parameters  = @{
        ChannelARN  = 'The ARNs of the channels to untag. Accepts strings and objects with a ChannelARN property from the pipeline.'
        ChannelName = 'The names of the channels to untag, resolved with DescribeSignalingChannel.'
        TagKey      = 'The keys of the tags to remove: 1 to 50. Keys compare case-sensitively, as the service does.'
        PassThru    = 'Writes each untagged channel as a KvsSignaling.SignalingChannel object with a Tags hashtable of the tags it still has.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Channel ARNs.' }
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'Channels from Get-KvsSignalingChannel.' }
    )
    Outputs     = @(
        @{ Type = 'None'; Description = 'Nothing is written on success without -PassThru.' }
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'With -PassThru, each untagged channel with its remaining Tags.' }
    )
    Examples    = @(
        @{
            Title   = 'Remove one tag'
            Code    = "Add-KvsSignalingChannelTag -ChannelName cam-garage -Tag @{ retired = 'yes'; site = 'hq' }`nRemove-KvsSignalingChannelTag -ChannelName cam-garage -TagKey retired -PassThru | Select-Object ChannelName, Tags"
            Remarks = 'Removes the tag retired from cam-garage and writes the channel with the tags it keeps.'
        }
        @{
            Title   = 'Remove tags from every camera channel'
            Code    = 'Get-KvsSignalingChannel -NamePrefix cam- | Remove-KvsSignalingChannelTag -TagKey owner, floor'
            Remarks = 'Removes the tags owner and floor wherever a camera channel has them.'
        }
    )
    Links       = @('Add-KvsSignalingChannelTag', 'Get-KvsSignalingChannel')
}

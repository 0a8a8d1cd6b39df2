@{
    Synopsis    = 'Adds tags to signaling channels.'
    Description = @'
Add-KvsSignalingChannelTag adds the tags of -Tag to each channel given by ARN (as strings or objects with a ChannelARN property) or by name, with TagResource; a key a channel already has gets the new value. -Tag is checked against the model before any request: 1 to 50 tags, keys of 1 to 128 and values of up to 256 letters, digits, spaces and _ . : / = + - @; a bad tag ends the command with an InvalidTag error naming the key. A channel that would carry more than 50 tags writes a ChannelLimitExceeded error (TagsPerResourceExceededLimitException) and keeps its tags. Writes nothing on success, or with -PassThru each channel with a Tags hashtable of all its tags. Supports -WhatIf and -Confirm.
'@
    Parameters  = @{
        ChannelARN  = 'The ARNs of the channels to tag. Accepts strings and objects with a ChannelARN property from the pipeline.'
        ChannelName = 'The names of the channels to tag, resolved with DescribeSignalingChannel.'
        Tag         = "The tags to add, as a hashtable such as @{ site = 'hq' }: 1 to 50. A `$null value is an empty string; other values are written as invariant text."
        PassThru    = 'Writes each tagged channel as a KvsSignaling.SignalingChannel object with a Tags hashtable of all its tags.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Channel ARNs.' }
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'Channels from Get-KvsSignalingChannel.' }
    )
    Outputs     = @(
        @{ Type = 'None'; Description = 'Nothing is written on success without -PassThru.' }
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'With -PassThru, each tagged channel with its Tags.' }
    )
    Examples    = @(
        @{
            Title   = 'Tag one channel'
            Code    = "Add-KvsSignalingChannelTag -ChannelName cam-front-door -Tag @{ site = 'hq'; floor = 1 } -PassThru | Select-Object ChannelName, Tags"
            Remarks = 'Adds the tags site = hq and floor = 1 and writes the channel with all its tags.'
        }
        @{
            Title   = 'Tag every camera channel'
            Code    = "Get-KvsSignalingChannel -NamePrefix cam- | Add-KvsSignalingChannelTag -Tag @{ owner = 'facilities' }"
            Remarks = 'Adds owner = facilities to each channel whose name starts with cam-.'
        }
    )
    Links       = @('Remove-KvsSignalingChannelTag', 'Get-KvsSignalingChannel', 'New-KvsSignalingChannel')
}

@{
    Synopsis    = 'Creates signaling channels.'
    Description = @'
New-KvsSignalingChannel creates a SINGLE_MASTER signaling channel for each name and writes the new channel as a KvsSignaling.SignalingChannel object, ready to pipe into Get-KvsSignalingChannelEndpoint. A name that is already taken writes a non-terminating ChannelInUse error; an invalid name writes InvalidChannelName before any request. -Tag gives every new channel the same tags; a tag outside the model's rules (more than 50, a key of 1 to 128 or a value of up to 256 letters, digits, spaces and _ . : / = + - @) ends the command with an InvalidTag error before any request. Supports -WhatIf and -Confirm.
'@
    Parameters  = @{
        ChannelName       = 'The names of the channels to create: 1 to 256 letters, digits, underscores, periods and hyphens. Accepts strings and objects with a ChannelName property from the pipeline.'
        MessageTtlSeconds = 'How long undelivered signaling messages are kept, 5 to 120 seconds. Without it the service default (60) applies.'
        Tag               = "Tags for every new channel, as a hashtable such as @{ site = 'hq' }: at most 50; keys 1 to 128 and values 0 to 256 characters of letters, digits, spaces and _ . : / = + - @. A `$null value is an empty string."
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
        @{
            Title   = 'Create a tagged channel'
            Code    = "New-KvsSignalingChannel -ChannelName cam-lobby -Tag @{ site = 'hq'; owner = 'facilities' } | Get-KvsSignalingChannel -IncludeTags | Select-Object ChannelName, Tags"
            Remarks = 'Creates cam-lobby with two tags and reads them back.'
        }
    )
    Links       = @('Remove-KvsSignalingChannel', 'Get-KvsSignalingChannel')
}

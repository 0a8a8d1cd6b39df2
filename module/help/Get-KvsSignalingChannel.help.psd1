@{
    Synopsis    = 'Gets signaling channels: one by name or ARN, or every channel, optionally filtered by name prefix.'
    Description = @'
Without arguments Get-KvsSignalingChannel lists every signaling channel of the account and region, reading every page of ListSignalingChannels; -NamePrefix keeps those whose names start with the prefix. With -ChannelName or -ChannelARN it describes those channels. Each channel is written as a KvsSignaling.SignalingChannel object (ChannelName, ChannelARN, ChannelType, ChannelStatus, CreationTime, MessageTtlSeconds, Version, Region) that pipes into Get-KvsSignalingChannelEndpoint and Remove-KvsSignalingChannel.

With -IncludeTags each channel also gets a Tags property: a hashtable of its tags (keys compare case-sensitively, as the service's do), read with one ListTagsForResource request per channel, paced by -MaxRequestsPerSecond like every other request. A channel whose tags cannot be read writes that channel's error instead of the channel.

A channel that cannot be found writes a non-terminating ChannelNotFound error and the command goes on with the next one.
'@
    Parameters  = @{
        NamePrefix  = 'Lists only the channels whose names start with this prefix.'
        ChannelName = 'The names of the channels to describe. Accepts strings from the pipeline.'
        ChannelARN  = 'The ARNs of the channels to describe. Accepts objects with a ChannelARN property from the pipeline.'
        IncludeTags = 'Adds a Tags hashtable to each channel, read with one ListTagsForResource request per channel.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Channel names.' }
    )
    Outputs     = @(
        @{ Type = 'KvsSignaling.SignalingChannel'; Description = 'One per channel.' }
    )
    Examples    = @(
        @{
            Title   = 'Every channel'
            Code    = 'Get-KvsSignalingChannel'
            Remarks = 'Lists all signaling channels of the account in the region, page after page.'
        }
        @{
            Title   = 'Channels by prefix, as a sorted table'
            Code    = 'Get-KvsSignalingChannel -NamePrefix cam- | Sort-Object CreationTime | Format-Table ChannelName, ChannelStatus, Version'
            Remarks = 'The objects sort and format like any other.'
        }
        @{
            Title   = 'One channel in full'
            Code    = "'cam-front-door' | Get-KvsSignalingChannel | Format-List"
            Remarks = 'Describes the channel named cam-front-door and shows every property.'
        }
        @{
            Title   = 'Channels of one site'
            Code    = "Add-KvsSignalingChannelTag -ChannelName cam-garage -Tag @{ site = 'hq' }`nGet-KvsSignalingChannel -NamePrefix cam- -IncludeTags | Where-Object { `$_.Tags['site'] -eq 'hq' }"
            Remarks = 'Lists the channels with their tags and keeps those tagged site = hq.'
        }
    )
    Links       = @('Get-KvsSignalingChannelEndpoint', 'New-KvsSignalingChannel', 'Remove-KvsSignalingChannel')
}

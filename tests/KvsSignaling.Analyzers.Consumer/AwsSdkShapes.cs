// The shapes of AWSSDK.KinesisVideo that the analyzers know by metadata name, declared here because that package is
// not on this project's feed; their base, Amazon.Runtime.ConstantClass, is the real one from AWSSDK.Core.
namespace Amazon.KinesisVideo
{
    public class ChannelRole : Amazon.Runtime.ConstantClass
    {
        public static readonly ChannelRole MASTER = new("MASTER");
        public static readonly ChannelRole VIEWER = new("VIEWER");

        public ChannelRole(string value) : base(value) { }

        public static ChannelRole FindValue(string value) => new(value);

        public static implicit operator ChannelRole(string value) => FindValue(value);
    }
}

namespace Amazon.KinesisVideo.Model
{
    public class SingleMasterChannelEndpointConfiguration
    {
        public List<string> Protocols { get; set; } = new();

        public Amazon.KinesisVideo.ChannelRole? Role { get; set; }
    }

    public class GetSignalingChannelEndpointRequest
    {
        public string? ChannelARN { get; set; }

        public SingleMasterChannelEndpointConfiguration? SingleMasterChannelEndpointConfiguration { get; set; }
    }
}

// The member shapes of AWSSDK.KinesisVideo and AWSSDK.KinesisVideoSignalingChannels that the analyzer recognises by metadata name.
using System.Collections.Generic;

namespace Amazon.Runtime
{
    public class ConstantClass
    {
        protected ConstantClass(string value) { Value = value; }
        public string Value { get; }
        public override string ToString() => Value;
    }
}

namespace Amazon.KinesisVideo
{
    public class ChannelRole : Amazon.Runtime.ConstantClass
    {
        public static readonly ChannelRole MASTER = new ChannelRole("MASTER");
        public static readonly ChannelRole VIEWER = new ChannelRole("VIEWER");
        public ChannelRole(string value) : base(value) { }
        public static ChannelRole FindValue(string value) => new ChannelRole(value);
        public static implicit operator ChannelRole(string value) => FindValue(value);
    }

    public class ChannelProtocol : Amazon.Runtime.ConstantClass
    {
        public static readonly ChannelProtocol HTTPS = new ChannelProtocol("HTTPS");
        public static readonly ChannelProtocol WEBRTC = new ChannelProtocol("WEBRTC");
        public static readonly ChannelProtocol WSS = new ChannelProtocol("WSS");
        public ChannelProtocol(string value) : base(value) { }
        public static ChannelProtocol FindValue(string value) => new ChannelProtocol(value);
        public static implicit operator ChannelProtocol(string value) => FindValue(value);
    }
}

namespace Amazon.KinesisVideo.Model
{
    public class SingleMasterChannelEndpointConfiguration
    {
        public List<string> Protocols { get; set; } = new List<string>();
        public ChannelRole Role { get; set; }
    }

    public class GetSignalingChannelEndpointRequest
    {
        public string ChannelARN { get; set; }
        public SingleMasterChannelEndpointConfiguration SingleMasterChannelEndpointConfiguration { get; set; }
    }

    public class DescribeSignalingChannelRequest
    {
        public string ChannelARN { get; set; }
        public string ChannelName { get; set; }
    }

    public class DeleteSignalingChannelRequest
    {
        public string ChannelARN { get; set; }
        public string CurrentVersion { get; set; }
    }

    public class UpdateSignalingChannelRequest
    {
        public string ChannelARN { get; set; }
        public string CurrentVersion { get; set; }
    }

    public class DescribeStreamRequest
    {
        public string StreamARN { get; set; }
    }
}

namespace Amazon.KinesisVideoSignalingChannels.Model
{
    public class GetIceServerConfigRequest
    {
        public string ChannelARN { get; set; }
        public string ClientId { get; set; }
        public string Service { get; set; }
        public string Username { get; set; }
    }
}

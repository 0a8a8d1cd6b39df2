// The member shapes of the KvsSignaling library that the analyzer recognises by metadata name.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using KvsSignaling.CodeAnalysis;

namespace KvsSignaling
{
    public readonly struct ChannelRole : IEquatable<ChannelRole>
    {
        public static readonly ChannelRole Master = new ChannelRole("MASTER");
        public static readonly ChannelRole Viewer = new ChannelRole("VIEWER");
        private ChannelRole(string value) { Value = value; }
        public string Value { get; }
        public static IReadOnlyList<ChannelRole> All => new[] { Master, Viewer };
        public static ChannelRole Parse([ChannelRoleValue] string value) => new ChannelRole(value.ToUpperInvariant());
        public static bool TryParse(string value, out ChannelRole role) { role = new ChannelRole(value); return true; }
        public static implicit operator ChannelRole(string value) => Parse(value);
        public bool Equals(ChannelRole other) => Value == other.Value;
        public override string ToString() => Value;
    }

    public readonly struct ChannelProtocol : IEquatable<ChannelProtocol>
    {
        public static readonly ChannelProtocol Wss = new ChannelProtocol("WSS");
        public static readonly ChannelProtocol Https = new ChannelProtocol("HTTPS");
        public static readonly ChannelProtocol WebRtc = new ChannelProtocol("WEBRTC");
        private ChannelProtocol(string value) { Value = value; }
        public string Value { get; }
        public static ChannelProtocol Parse([ChannelProtocolValue] string value) => new ChannelProtocol(value.ToUpperInvariant());
        public static implicit operator ChannelProtocol(string value) => Parse(value);
        public bool Equals(ChannelProtocol other) => Value == other.Value;
        public override string ToString() => Value;
    }

    public sealed class ChannelArn : IEquatable<ChannelArn>
    {
        private ChannelArn(string value) { Value = value; }
        public string Value { get; }
        public static ChannelArn Parse([ChannelArnValue] string value) => new ChannelArn(value);
        public static implicit operator ChannelArn(string value) => Parse(value);
        public bool Equals(ChannelArn other) => other != null && Value == other.Value;
        public override string ToString() => Value;
    }

    public sealed class ChannelEndpoints { }

    public sealed class PresignedConnectUrl { }

    public sealed class IceServer { }

    public sealed class GetIceServerConfigOptions { }

    public sealed class KvsSignalingClient : IDisposable
    {
        public Task<ChannelEndpoints> GetSignalingChannelEndpointAsync(
            ChannelArn channelArn,
            ChannelRole role,
            IEnumerable<ChannelProtocol> protocols = null) => Task.FromResult(new ChannelEndpoints());

        public Task<PresignedConnectUrl> CreatePresignedConnectUrlAsync(
            ChannelArn channelArn,
            ChannelRole role,
            string clientId = null,
            TimeSpan? expiresIn = null,
            Uri wssEndpoint = null) => Task.FromResult(new PresignedConnectUrl());

        public Task<IReadOnlyList<IceServer>> GetIceServerConfigAsync(
            ChannelArn channelArn,
            string clientId = null,
            GetIceServerConfigOptions options = null) => Task.FromResult<IReadOnlyList<IceServer>>(new IceServer[0]);

        // A method the library adds later: its clientId parameter is found by name, without a marker.
        public Task ConnectAsync(ChannelArn channelArn, ChannelRole role, string clientId = null) => Task.CompletedTask;

        public Task DescribeSignalingChannelByNameAsync(string channelName) => Task.CompletedTask;

        public void Dispose() { }
    }
}

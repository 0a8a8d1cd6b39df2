namespace KvsSignaling.Analyzers.Tests.Verification;

/// <summary>A test program that uses every recognised API, with statements put in the body of one method.</summary>
internal static class Sources
{
    private const string Program = """
        using System.Collections.Generic;
        using System.Management.Automation;
        using Amazon.KinesisVideo.Model;
        using Amazon.KinesisVideoSignalingChannels.Model;
        using KvsSignaling;
        using KvsSignaling.CodeAnalysis;
        using AwsRole = Amazon.KinesisVideo.ChannelRole;
        using AwsProtocol = Amazon.KinesisVideo.ChannelProtocol;

        record Settings(ChannelRole Role, ChannelProtocol Protocol, ChannelArn Arn);

        class Options
        {
            [ChannelRoleValue] public string Role { get; set; }
            [ChannelRoleValue] public string RoleField;
            [ChannelProtocolValue] public string Protocol { get; set; }
            [ChannelProtocolValue] public List<string> Protocols { get; set; }
            [ChannelArnValue] public string Arn { get; set; }
            [SignalingClientIdValue] public string ClientId { get; set; }
            [SignalingClientIdValue] public string ClientIdField;
        }

        class Sample
        {
            const string Mas = "MAS";
            const string Wss = "WSS";
            static void Join([ChannelRoleValue] string role) { }
            static void JoinAll([ChannelRoleValue] params string[] roles) { }
            static void Use([ChannelProtocolValue] params string[] protocols) { }
            static void Open([ChannelArnValue] string arn) { }
            static void Connect([SignalingClientIdValue] string clientId) { }
            static void Plain(string value) { }
            static string Runtime() => "x";

            void Run(KvsSignalingClient client, ChannelArn arn, SingleMasterChannelEndpointConfiguration config, Options options, Settings settings, bool flag)
            {
                BODY
            }
        }
        """;

    /// <summary>The program with <paramref name="statements"/> as the body of <c>Sample.Run</c>.</summary>
    public static string InMethod(string statements) => Program.Replace("BODY", statements);

    /// <summary>The program with <paramref name="template"/>'s <c>VALUE</c> replaced by <paramref name="value"/>.</summary>
    public static string InMethod(string template, string value) => InMethod(template.Replace("VALUE", value));
}

using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Tests.Infrastructure;
using static KvsSignaling.Local.Tests.Infrastructure.SignalingTestClient;

namespace KvsSignaling.Local.Tests.Signaling;

/// <summary>--tls: HTTPS and WSS on loopback with a self-signed certificate written to a file, which clients trust explicitly.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kvs-local-tls-").FullName;

    [Fact]
    public async Task With_TLS_the_control_plane_the_endpoints_and_signaling_are_served_over_TLS_to_clients_that_trust_the_written_certificate()
    {
        var path = Path.Combine(_folder, "kvs-local.pem");
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { Tls = true, TlsCertificatePath = path });
        var trusted = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(path));
        bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => Trusts(trusted, certificate, errors);
        using var http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = Validate } });
        var client = new KvsTestClient(server.BaseUrl) { HttpClient = http };

        var arn = await client.CreateChannelAsync("secure");
        var (masterEndpoint, viewerEndpoint) = await SignalingSetup.WssEndpointsAsync(client, arn);
        var presigner = new TestPresigner();
        await using var master = await ConnectAsync(presigner.Presign(masterEndpoint, arn, null), o => o.RemoteCertificateValidationCallback = Validate);
        await using var viewer = await ConnectAsync(presigner.Presign(viewerEndpoint, arn, "viewer-1"), o => o.RemoteCertificateValidationCallback = Validate);
        await viewer.SendAsync(Message("SDP_OFFER", "over-tls"));

        Assert.Equal("https", server.BaseUrl.Scheme);
        Assert.Equal(path, server.TlsCertificatePath);
        Assert.StartsWith($"wss://{server.BaseUrl.Authority}/_endpoints/m-", masterEndpoint);
        Assert.StartsWith($"wss://{server.BaseUrl.Authority}/_endpoints/v-", viewerEndpoint);
        Assert.Equal("over-tls", PayloadText(await master.ReceiveAsync()));
        var https = (await Channels.EndpointTests.EndpointsAsync(client, arn, "VIEWER", "HTTPS"))["HTTPS"];
        Assert.StartsWith("https://", https);
        var ice = await client.SendAsync(HttpMethod.Post, new Uri(https).AbsolutePath + "/v1/get-ice-server-config",
            Encoding.UTF8.GetBytes(new JsonObject { ["ChannelARN"] = arn, ["ClientId"] = "viewer-1" }.ToJsonString()));
        Assert.Equal(System.Net.HttpStatusCode.OK, ice.Status);
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_certificate_cannot_connect()
    {
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { Tls = true, TlsCertificatePath = Path.Combine(_folder, "untrusted.pem") });
        using var http = new HttpClient();
        var socket = new ClientWebSocket();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(server.BaseUrl, "_kvs-local/health")));
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri($"wss://{server.BaseUrl.Authority}/_endpoints/m-00000000"), CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_path_the_certificate_is_written_to_a_new_temporary_file()
    {
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { Tls = true });
        try
        {
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", await File.ReadAllTextAsync(server.TlsCertificatePath!));
        }
        finally
        {
            File.Delete(server.TlsCertificatePath!);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Trusts exactly the written certificate, and still requires the host name to match it.
    private static bool Trusts(X509Certificate2 trusted, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate);
    }
}

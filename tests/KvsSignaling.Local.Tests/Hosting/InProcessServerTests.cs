using System.Net;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Hosting;

/// <summary>The in-process API other test projects use: start on a free port, read BaseUrl, dispose.</summary>
public sealed class InProcessServerTests
{
    [Fact]
    public async Task BaseUrl_is_a_loopback_http_URL_with_the_port_taken()
    {
        await using var server = await KvsLocalServer.StartAsync();

        Assert.Equal("http", server.BaseUrl.Scheme);
        Assert.Equal("127.0.0.1", server.BaseUrl.Host);
        Assert.NotEqual(0, server.BaseUrl.Port);
        Assert.Equal("/", server.BaseUrl.AbsolutePath);
    }

    [Fact]
    public async Task A_taken_port_fails_the_second_start_and_leaves_the_first_serving()
    {
        await using var first = await KvsLocalServer.StartAsync();

        await Assert.ThrowsAsync<IOException>(() => KvsLocalServer.StartAsync(new KvsLocalOptions { Port = first.BaseUrl.Port }));

        Assert.Equal(HttpStatusCode.OK, (await new KvsTestClient(first.BaseUrl).CallAsync("ListSignalingChannels")).Status);
    }

    [Fact]
    public async Task Disposing_twice_is_harmless_and_releases_the_port()
    {
        var server = await KvsLocalServer.StartAsync();
        var port = server.BaseUrl.Port;

        await server.DisposeAsync();
        await server.DisposeAsync();

        await using var again = await KvsLocalServer.StartAsync(new KvsLocalOptions { Port = port });
        Assert.Equal(port, again.BaseUrl.Port);
    }

    [Theory]
    [InlineData("localhost", 0, "Host 'localhost'")]
    [InlineData("127.0.0.1", 70000, "Port 70000")]
    public async Task Bad_options_are_refused_naming_the_value(string host, int port, string named)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => KvsLocalServer.StartAsync(new KvsLocalOptions { Host = host, Port = port }));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void A_credential_never_shows_its_secret()
    {
        var credential = new KvsLocalCredential("AKIDSHOW", "hidden-secret") { SessionToken = "hidden-token" };

        Assert.DoesNotContain("hidden", credential.ToString());
        Assert.Contains("AKIDSHOW", credential.ToString());
        var error = Assert.Throws<ArgumentException>(() => new KvsLocalCredential("AKIDSHOW", "secret-value", "123"));
        Assert.Contains("'123'", error.Message);
        Assert.Contains("12 digits", error.Message);
        Assert.DoesNotContain("secret-value", error.Message);
    }
}

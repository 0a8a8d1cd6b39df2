using System.Net;
using KvsSignaling.Local.Admin;
using Microsoft.AspNetCore.Http;

namespace KvsSignaling.Local.Tests.Faults;

/// <summary>
/// The admin endpoint answers loopback clients only. A test machine may have no second address to connect
/// from, so the remote address is set on the request the handler sees.
/// </summary>
public sealed class AdminLoopbackTests
{
    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.10")]
    [InlineData("2001:db8::1")]
    public async Task A_client_that_is_not_on_loopback_gets_403_and_changes_nothing(string address)
    {
        await using var server = await KvsLocalServer.StartAsync();
        var context = Request(address, "POST", "/_kvs-local/reset");
        server.Admin.AddFault(new Local.Faults.FaultRule { Kind = Local.Faults.FaultKind.Throttle });

        await new AdminRequestHandler(server.Admin).HandleAsync(context);

        Assert.Equal(403, context.Response.StatusCode);
        Assert.Single(server.Admin.Faults);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task A_loopback_client_is_served(string address)
    {
        await using var server = await KvsLocalServer.StartAsync();
        var context = Request(address, "POST", "/_kvs-local/reset");
        server.Admin.AddFault(new Local.Faults.FaultRule { Kind = Local.Faults.FaultKind.Throttle });

        await new AdminRequestHandler(server.Admin).HandleAsync(context);

        Assert.Equal(204, context.Response.StatusCode);
        Assert.Empty(server.Admin.Faults);
    }

    private static DefaultHttpContext Request(string address, string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        context.Request.Method = method;
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }
}

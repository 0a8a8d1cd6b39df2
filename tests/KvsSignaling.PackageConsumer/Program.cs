// Creates a channel, looks up its endpoints and deletes it, against the endpoint given as the first argument
// (kvs-local in the test), and prints the assemblies it ran with.
using Amazon.Runtime;
using KvsSignaling;

var options = new KvsSignalingClientOptions
{
    Region = "us-west-2",
    EndpointUrl = new Uri(args[0]),
    Credentials = new BasicAWSCredentials(args[1], args[2]),
};
using var client = new KvsSignalingClient(options);

var arn = await client.CreateSignalingChannelAsync("package-consumer");
try
{
    var endpoints = await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, new ChannelProtocol[] { "WSS", "HTTPS" });
    Console.WriteLine($"wss: {endpoints.Wss}");
    Console.WriteLine($"https: {endpoints.Https}");
}
finally
{
    await client.DeleteSignalingChannelAsync(arn);
}

Console.WriteLine($"KvsSignaling: {typeof(KvsSignalingClient).Assembly.GetName().Version}");
Console.WriteLine($"AWSSDK.Core: {typeof(AWSCredentials).Assembly.GetName().Version}");

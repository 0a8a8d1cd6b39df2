using System.Text.Json;
using KvsSignaling.Local.Auth;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Auth;

/// <summary>
/// kvs-local's verifier must reproduce every case of the AWS SigV4 test suite in the contract: the
/// canonical request (for the headers that the case's canonical request lists), and the string to sign
/// and signature (for the headers that the case's Authorization header lists).
/// </summary>
public sealed class SigV4TestSuiteTests
{
    private static readonly JsonDocument Suite = JsonDocument.Parse(File.ReadAllBytes(ContractFiles.SigV4TestSuite));

    /// <summary>
    /// The parsed suite differs from the upstream AWS suite in one case: its request sends
    /// "charset=utf-8" and its Authorization lists content-length, while its string to sign and signature
    /// were made upstream from "charset=utf8" with content-type;host;x-amz-date signed. The signature half
    /// of that case is therefore checked against the upstream request.
    /// </summary>
    private static readonly Dictionary<string, (string ContentType, string SignedHeaders)> UpstreamRequest = new()
    {
        ["post-x-www-form-urlencoded-parameters"] = ("application/x-www-form-urlencoded; charset=utf8", "content-type;host;x-amz-date"),
    };

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var testCase in Cases())
        {
            names.Add(testCase.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Fact]
    public void The_suite_holds_all_28_cases()
    {
        Assert.Equal(28, CaseNames().Count);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Reproduces_the_canonical_request(string name)
    {
        var testCase = Case(name);
        var expected = testCase.GetProperty("creq").GetString()!;
        var signedHeaders = expected.Split('\n')[^2].Split(';');

        var canonical = CanonicalRequest.Build(Request(testCase, null), signedHeaders, SigningKey.Sha256Hex(Body(testCase)));

        Assert.Equal(expected, canonical);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Reproduces_the_string_to_sign_and_the_signature(string name)
    {
        var testCase = Case(name);
        var config = Suite.RootElement.GetProperty("config");
        var authorization = AuthorizationHeader.Parse(testCase.GetProperty("authz").GetString()!);
        string? contentType = null;
        if (UpstreamRequest.TryGetValue(name, out var upstream))
        {
            authorization = authorization with { SignedHeaders = upstream.SignedHeaders.Split(';') };
            contentType = upstream.ContentType;
        }

        var request = Request(testCase, contentType);
        var computed = SignatureComputation.Compute(
            request,
            authorization,
            request.FirstValueOf("X-Amz-Date")!,
            SigningKey.Sha256Hex(Body(testCase)),
            config.GetProperty("secretAccessKey").GetString()!);

        Assert.Equal(config.GetProperty("accessKeyId").GetString(), authorization.AccessKeyId);
        Assert.Equal(testCase.GetProperty("sts").GetString(), computed.StringToSign);
        Assert.Equal(authorization.Signature, computed.Signature);
    }

    private static IEnumerable<JsonElement> Cases() =>
        Suite.RootElement.GetProperty("tests").GetProperty("all").EnumerateArray();

    private static JsonElement Case(string name) => Cases().Single(c => c.GetProperty("name").GetString() == name);

    private static byte[] Body(JsonElement testCase) =>
        System.Text.Encoding.UTF8.GetBytes(testCase.GetProperty("request").GetProperty("body").GetString()!);

    private static SignableRequest Request(JsonElement testCase, string? contentType)
    {
        var request = testCase.GetProperty("request");
        var headers = request.GetProperty("headers").EnumerateArray()
            .Select(h => KeyValuePair.Create(h[0].GetString()!, h[1].GetString()!))
            .Select(h => contentType is not null && h.Key == "Content-Type" ? KeyValuePair.Create(h.Key, contentType) : h)
            .ToList();
        return new SignableRequest(
            request.GetProperty("method").GetString()!,
            request.GetProperty("path").GetString()!,
            request.GetProperty("query").GetString()!,
            headers);
    }
}

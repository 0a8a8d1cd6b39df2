using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Validation;

/// <summary>
/// Derives, from the contract's service model (read here from the contract folder, not from kvs-local),
/// one broken input for every constraint of every member reachable from a valid input of each operation.
/// </summary>
internal static class ConstraintCases
{
    private const string ChannelArn = "arn:aws:kinesisvideo:us-west-2:123456789012:channel/valid-name/1700000000000";

    /// <summary>A valid input per emulated operation, using every member, so every constraint is reachable.</summary>
    public static readonly IReadOnlyDictionary<string, JsonObject> ValidInputs = new Dictionary<string, JsonObject>
    {
        ["CreateSignalingChannel"] = Json("""
            {"ChannelName":"valid-name","ChannelType":"SINGLE_MASTER","SingleMasterConfiguration":{"MessageTtlSeconds":60},"Tags":[{"Key":"team","Value":"video"}]}
            """),
        ["DescribeSignalingChannel"] = Json("""{"ChannelName":"valid-name","ChannelARN":"ARN"}"""),
        ["ListSignalingChannels"] = Json("""
            {"MaxResults":10,"NextToken":"dmFsaWQtbmFtZQ==","ChannelNameCondition":{"ComparisonOperator":"BEGINS_WITH","ComparisonValue":"valid"}}
            """),
        ["UpdateSignalingChannel"] = Json("""{"ChannelARN":"ARN","CurrentVersion":"abc123","SingleMasterConfiguration":{"MessageTtlSeconds":30}}"""),
        ["DeleteSignalingChannel"] = Json("""{"ChannelARN":"ARN","CurrentVersion":"abc123"}"""),
        ["GetSignalingChannelEndpoint"] = Json("""
            {"ChannelARN":"ARN","SingleMasterChannelEndpointConfiguration":{"Protocols":["WSS","HTTPS"],"Role":"VIEWER"}}
            """),
        ["UpdateMediaStorageConfiguration"] = Json("""
            {"ChannelARN":"ARN","MediaStorageConfiguration":{"StreamARN":"arn:aws:kinesisvideo:us-west-2:123456789012:stream/s/1","Status":"ENABLED"}}
            """),
        ["DescribeMediaStorageConfiguration"] = Json("""{"ChannelName":"valid-name","ChannelARN":"ARN"}"""),
        ["TagResource"] = Json("""{"ResourceARN":"ARN","Tags":[{"Key":"site","Value":"hq"}]}"""),
        ["UntagResource"] = Json("""{"ResourceARN":"ARN","TagKeyList":["site"]}"""),
        ["ListTagsForResource"] = Json("""{"ResourceARN":"ARN","NextToken":""}"""),
    };

    private static readonly JsonElement Model = JsonDocument.Parse(File.ReadAllBytes(ContractFiles.ServiceModel)).RootElement;

    public static IReadOnlyList<ConstraintCase> All { get; } = Build();

    public static string InputShapeOf(string operation) =>
        Model.GetProperty("operations").GetProperty(operation).GetProperty("input").GetProperty("shape").GetString()!;

    private static List<ConstraintCase> Build()
    {
        var cases = new List<ConstraintCase>();
        foreach (var (operation, input) in ValidInputs)
        {
            Walk(operation, InputShapeOf(operation), input, [], string.Empty, cases);
        }

        return cases;
    }

    private static void Walk(string operation, string shapeName, JsonNode value, List<object> segments, string path, List<ConstraintCase> cases)
    {
        var shape = Model.GetProperty("shapes").GetProperty(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                var required = shape.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
                foreach (var member in shape.GetProperty("members").EnumerateObject())
                {
                    var memberValue = value[member.Name];
                    var memberSegments = segments.Append(member.Name).ToList();
                    var memberPath = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
                    if (memberValue is null)
                    {
                        continue;
                    }

                    if (required.Contains(member.Name))
                    {
                        cases.Add(new ConstraintCase(operation, memberPath, "required", memberSegments, null));
                    }

                    Walk(operation, member.Value.GetProperty("shape").GetString()!, memberValue, memberSegments, memberPath, cases);
                }

                break;
            case "list":
                var items = value.AsArray();
                if (shape.TryGetProperty("min", out var listMin) && listMin.GetInt32() > 0)
                {
                    cases.Add(new ConstraintCase(operation, path, $"fewer than {listMin.GetInt32()} items", segments, new JsonArray()));
                }

                if (shape.TryGetProperty("max", out var listMax))
                {
                    var tooMany = new JsonArray(Enumerable.Range(0, listMax.GetInt32() + 1).Select(_ => items[0]!.DeepClone()).ToArray());
                    cases.Add(new ConstraintCase(operation, path, $"more than {listMax.GetInt32()} items", segments, tooMany));
                }

                Walk(operation, shape.GetProperty("member").GetProperty("shape").GetString()!, items[0]!, segments.Append(0).ToList(), $"{path}[0]", cases);
                break;
            case "string":
                AddStringCases(operation, shape, segments, path, cases);
                break;
            case "integer":
            case "long":
                if (shape.TryGetProperty("min", out var min))
                {
                    cases.Add(new ConstraintCase(operation, path, "below min", segments, JsonValue.Create(min.GetInt64() - 1)));
                }

                if (shape.TryGetProperty("max", out var max))
                {
                    cases.Add(new ConstraintCase(operation, path, "above max", segments, JsonValue.Create(max.GetInt64() + 1)));
                }

                break;
        }
    }

    private static void AddStringCases(string operation, JsonElement shape, List<object> segments, string path, List<ConstraintCase> cases)
    {
        if (shape.TryGetProperty("enum", out _))
        {
            cases.Add(new ConstraintCase(operation, path, "not in enum", segments, JsonValue.Create("NOT_AN_ALLOWED_VALUE")));
            return;
        }

        if (shape.TryGetProperty("min", out var min) && min.GetInt32() > 0)
        {
            cases.Add(new ConstraintCase(operation, path, "shorter than min", segments, JsonValue.Create(new string('a', min.GetInt32() - 1))));
        }

        if (shape.TryGetProperty("max", out var max))
        {
            cases.Add(new ConstraintCase(operation, path, "longer than max", segments, JsonValue.Create(new string('a', max.GetInt32() + 1))));
        }

        if (shape.TryGetProperty("pattern", out var pattern))
        {
            // The service matches the whole value against the pattern.
            var regex = new Regex($"^(?:{pattern.GetString()})\\z");
            var breaking = new[] { "not valid!", "#", "valid\nname" }.First(candidate => !regex.IsMatch(candidate));
            cases.Add(new ConstraintCase(operation, path, "not matching pattern", segments, JsonValue.Create(breaking)));
        }
    }

    private static JsonObject Json(string text) =>
        JsonNode.Parse(text.Replace("\"ARN\"", $"\"{ChannelArn}\"", StringComparison.Ordinal))!.AsObject();
}

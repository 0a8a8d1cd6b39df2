using System.Text;

namespace KvsSignaling.EndToEnd.Tests.BadInput;

/// <summary>
/// Invalid ARNs, channel names, roles and protocol lists, made by mutating valid values with a seeded generator so
/// every run sees the same inputs. Each candidate is checked against an oracle written from the service model
/// (not from the client), so a mutation that happens to stay valid is never passed off as invalid.
/// </summary>
public sealed class InvalidInputGenerator
{
    public const int Seed = 20261127;

    private const string NameChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";
    private static readonly string[] BadNameChars = { " ", "/", ":", "@", "#", "é", "\n", "\t", "+", "*", "~", "%", "\u00a0", "\u0000", "名", "'", "\"", "\\", "?", "," };
    private static readonly string[] Accounts = { "123456789012", "111122223333", "000000000001" };
    private static readonly string[] Regions = { "us-west-2", "us-east-1", "eu-central-1", "ap-northeast-1", "cn-north-1" };
    private static readonly string[] Partitions = { "aws", "aws-cn", "aws-us-gov", "aws-iso-b" };
    private static readonly string[] Roles = { "MASTER", "VIEWER" };
    private static readonly string[] Protocols = { "WSS", "HTTPS", "WEBRTC" };
    private static readonly Dictionary<char, char> Homoglyphs = new()
    {
        ['A'] = 'А', ['E'] = 'Е', ['M'] = 'М', ['T'] = 'Т', ['S'] = 'Ѕ', ['R'] = 'Р', ['C'] = 'С', ['W'] = 'Ԝ', ['I'] = 'І', ['H'] = 'Н', ['P'] = 'Р', ['B'] = 'В',
    };

    private readonly Random _random;

    public InvalidInputGenerator(int seed = Seed) => _random = new Random(seed);

    public string ValidName(int maxLength = 40)
    {
        var length = _random.Next(1, maxLength + 1);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(NameChars[_random.Next(NameChars.Length)]);
        }

        return builder.ToString();
    }

    public string ValidArn(string? name = null) =>
        $"arn:{Pick(Partitions)}:kinesisvideo:{Pick(Regions)}:{Pick(Accounts)}:channel/{name ?? ValidName()}/{_random.NextInt64(1, 1_900_000_000_000)}";

    /// <summary>ARNs that break exactly one rule of the model's ResourceARN shape.</summary>
    public string InvalidArn() => Until(IsValidArn, () =>
    {
        var parts = ValidArn().Split(':');
        var resource = parts[5].Split('/');
        switch (_random.Next(12))
        {
            case 0:
                parts[1] = Pick(new[] { "AWS", "aws_cn", string.Empty, "aws.cn", "aws cn", "Aws", "aws/", "aws-ÇN" });
                break;
            case 1:
                parts[2] = Pick(new[] { "kinesis", "kinesisvideo2", "KinesisVideo", "kinesis-video", string.Empty, "kinesisvide", "s3", "kinesisvideo " });
                break;
            case 2:
                parts[3] = Pick(new[] { "US-WEST-2", "us_west_2", string.Empty, "us west 2", "us-west-2.", "eu-central-1/", "Us-east-1", "ap-northeast-1\u200b" });
                break;
            case 3:
                parts[4] = MutateDigits(parts[4]);
                break;
            case 4:
                resource[0] = Pick(new[] { "Channel", "channel1", string.Empty, "chan-nel", "CHANNEL", "channel_", "stream.", "chännel" });
                break;
            case 5:
                resource[1] = Insert(resource[1], Pick(BadNameChars));
                break;
            case 6:
                resource[1] = string.Empty;
                break;
            case 7:
                // Longer than the model's 1024 characters, every character otherwise allowed.
                resource[1] = new string('a', _random.Next(1025, 3000));
                break;
            case 8:
                // The creation time is missing.
                parts[5] = resource[0] + "/" + resource[1] + Pick(new[] { string.Empty, "/" });
                return string.Join(":", parts);
            case 9:
                resource[2] = Pick(new[] { "-1", "17e12", "1700000000000x", " 1700000000000", "99999999999999999999", "0x1f", "١٧٠٠" });
                break;
            case 10:
                return Pick(new[] { "arn;", "ARN:", "arn", " arn:", "urn:" }) + string.Join(":", parts.Skip(1)) + "/" + resource[0];
            default:
                var valid = string.Join(":", parts);
                return Pick(new[] { valid + "\n", " " + valid, valid + ":extra", valid + " ", valid.Replace(":", "::"), string.Empty, valid.Replace("arn:", string.Empty) });
        }

        parts[5] = string.Join("/", resource);
        return string.Join(":", parts);
    });

    /// <summary>Channel names outside the model's ChannelName shape: length 1..256, pattern [a-zA-Z0-9_.-]+.</summary>
    public string InvalidName() => Until(IsValidName, () => _random.Next(6) switch
    {
        0 => string.Empty,
        1 => ValidName(256) + new string('x', _random.Next(257, 700)),
        2 => Insert(ValidName(), Pick(BadNameChars)),
        3 => new string(' ', _random.Next(1, 5)),
        4 => ValidName() + Pick(new[] { "\n", "\r\n", " ", "\t" }),
        _ => Insert(Insert(ValidName(), Pick(BadNameChars)), Pick(BadNameChars)),
    });

    /// <summary>Near misses of MASTER and VIEWER, in random case (case alone is not an error).</summary>
    public string InvalidRole() => Until(IsValidRole, () => NearMiss(Pick(Roles)));

    public string InvalidProtocol() => Until(IsValidProtocol, () => NearMiss(Pick(Protocols)));

    public string RandomCase(string value) => new(value.Select(c => _random.Next(2) == 0 ? char.ToLowerInvariant(c) : c).ToArray());

    /// <summary>Protocol lists the model refuses though every element is a protocol: empty, duplicates, more than five.</summary>
    public IReadOnlyList<string> InvalidProtocolList()
    {
        switch (_random.Next(3))
        {
            case 0:
                return Array.Empty<string>();
            case 1:
                var list = Protocols.OrderBy(_ => _random.Next()).Take(_random.Next(1, 4)).ToList();
                list.Insert(_random.Next(list.Count + 1), RandomCase(list[_random.Next(list.Count)]));
                return list;
            default:
                return Enumerable.Range(0, _random.Next(6, 11)).Select(_ => RandomCase(Pick(Protocols))).ToList();
        }
    }

    /// <summary>A list of valid protocols with one invalid element at a random place.</summary>
    public IReadOnlyList<string> ProtocolListWithOneBadElement(out string bad)
    {
        var list = Protocols.OrderBy(_ => _random.Next()).Take(_random.Next(0, 3)).Select(RandomCase).ToList();
        bad = InvalidProtocol();
        list.Insert(_random.Next(list.Count + 1), bad);
        return list;
    }

    public T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    public int Next(int max) => _random.Next(max);

    // Oracles from the service model: ResourceARN length 1..1024 and pattern; ChannelName 1..256 and pattern;
    // the ChannelRole and ChannelProtocol enums, compared without regard to case.
    private static bool IsValidArn(string value) =>
        value.Length is >= 1 and <= 1024
        && System.Text.RegularExpressions.Regex.IsMatch(value, @"^arn:[a-z\d-]+:kinesisvideo:[a-z0-9-]+:[0-9]+:[a-z]+/[a-zA-Z0-9_.-]+/[0-9]+\z", System.Text.RegularExpressions.RegexOptions.ECMAScript)
        && value.Length - value.LastIndexOf('/') - 1 <= 18;

    private static bool IsValidName(string value) =>
        value.Length is >= 1 and <= 256 && System.Text.RegularExpressions.Regex.IsMatch(value, @"^[a-zA-Z0-9_.-]+\z", System.Text.RegularExpressions.RegexOptions.ECMAScript);

    private static bool IsValidRole(string value) => Roles.Any(r => string.Equals(r, value, StringComparison.OrdinalIgnoreCase));

    private static bool IsValidProtocol(string value) => Protocols.Any(p => string.Equals(p, value, StringComparison.OrdinalIgnoreCase));

    private string NearMiss(string value)
    {
        var chars = RandomCase(value).ToList();
        switch (_random.Next(8))
        {
            case 0:
                chars.RemoveAt(_random.Next(chars.Count));
                break;
            case 1:
                var at = _random.Next(chars.Count);
                chars.Insert(at, chars[at]);
                break;
            case 2:
                var swap = _random.Next(chars.Count - 1);
                (chars[swap], chars[swap + 1]) = (chars[swap + 1], chars[swap]);
                break;
            case 3:
                chars.Insert(_random.Next(chars.Count + 1), Pick(new[] { ' ', '_', '-', '\n', '\t', '\0', '.', ',' }));
                break;
            case 4:
                var index = chars.FindIndex(c => Homoglyphs.ContainsKey(char.ToUpperInvariant(c)));
                chars[index] = Homoglyphs[char.ToUpperInvariant(chars[index])];
                break;
            case 5:
                return new string(value.Select(c => (char)(c - 'A' + 'Ａ')).ToArray());
            case 6:
                return RandomCase(value) + Pick(new[] { "S", "1", "_ROLE", ",", " ", "\r\n" });
            default:
                return Pick(new[] { string.Empty, " ", "null", "*", "ANY", "MASTER,VIEWER", "WSS HTTPS", "ROLE_MASTER", "PEER" });
        }

        return new string(chars.ToArray());
    }

    private string Insert(string value, string bad) => value.Insert(_random.Next(value.Length + 1), bad);

    private string MutateDigits(string account) => _random.Next(5) switch
    {
        0 => account.Remove(_random.Next(account.Length), 1).Insert(_random.Next(account.Length - 1), "a"),
        1 => string.Empty,
        2 => account.Replace(account[_random.Next(account.Length)], 'O'),
        3 => "-" + account,
        _ => account.Substring(0, 6) + " " + account.Substring(6),
    };

    private string Until(Func<string, bool> isValid, Func<string> make)
    {
        while (true)
        {
            var candidate = make();
            if (!isValid(candidate))
            {
                return candidate;
            }
        }
    }
}

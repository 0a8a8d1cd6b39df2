using System.Text;

namespace KvsSignaling.Local.Tests.Signaling;

/// <summary>Generates hostile WebSocket frames from a seed, so a failing run repeats exactly.</summary>
internal sealed class FuzzFrames(int seed, int maxFrameBytes)
{
    private const byte Fin = 0x80;
    private const byte Text = 0x1;
    private const byte Binary = 0x2;

    private static readonly string[] Valid =
    [
        """{"action":"SDP_OFFER","messagePayload":"eyJ0eXBlIjoib2ZmZXIifQ==","correlationId":"f-1"}""",
        """{"action":"ICE_CANDIDATE","recipientClientId":"honest","messagePayload":"e30=","correlationId":"f-2"}""",
        """{"Action":"SDP_ANSWER","MessagePayload":"e30=","CorrelationId":"f-3","IceServerList":[]}""",
    ];

    private readonly Random _random = new(seed);

    /// <summary>One raw frame (or partial frame) and what it is, for the failure message.</summary>
    public (string Kind, byte[] Bytes) Next()
    {
        var kind = _random.Next(12);
        return kind switch
        {
            0 => ("broken JSON", TextFrame(Truncated())),
            1 => ("wrong types", TextFrame(WrongTypes())),
            2 => ("invalid UTF-8", Infrastructure.RawWebSocket.Frame(Fin | Text, [0x7B, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D])),
            3 => ("oversized", Infrastructure.RawWebSocket.Frame(Fin | Text, Encoding.UTF8.GetBytes(new string('x', maxFrameBytes + 1 + _random.Next(5000))))),
            4 => ("binary", Infrastructure.RawWebSocket.Frame(Fin | Binary, RandomBytes(_random.Next(1, 300)))),
            5 => ("control", Control()),
            6 => ("mutated", TextFrame(Mutated())),
            7 => ("bad fields", TextFrame(BadFields())),
            8 => ("deep nesting", TextFrame(new string('[', 2000) + new string(']', 2000))),
            9 => ("fragments", Fragments()),
            10 => ("half a frame", Infrastructure.RawWebSocket.Frame(Fin | Text, Encoding.UTF8.GetBytes(Valid[0]))[..(2 + _random.Next(8))]),
            _ => ("unmasked", Infrastructure.RawWebSocket.Frame(Fin | Text, Encoding.UTF8.GetBytes(Valid[1]), mask: false)),
        };
    }

    private static byte[] TextFrame(string text) => Infrastructure.RawWebSocket.Frame(Fin | Text, Encoding.UTF8.GetBytes(text));

    private string Truncated()
    {
        var valid = Valid[_random.Next(Valid.Length)];
        return valid[.._random.Next(valid.Length)];
    }

    private string WrongTypes() => _random.Next(6) switch
    {
        0 => """{"action":42,"messagePayload":"e30=","correlationId":"w-1"}""",
        1 => """{"action":["SDP_OFFER"],"messagePayload":"e30="}""",
        2 => """{"action":"SDP_OFFER","messagePayload":{"sdp":1},"correlationId":"w-2"}""",
        3 => """{"action":"SDP_OFFER","messagePayload":"e30=","correlationId":true}""",
        4 => """{"action":null,"recipientClientId":7,"messagePayload":null}""",
        _ => "[" + Valid[0] + "]",
    };

    private string Mutated()
    {
        var chars = Valid[_random.Next(Valid.Length)].ToCharArray();
        for (var i = _random.Next(1, 6); i > 0; i--)
        {
            chars[_random.Next(chars.Length)] = (char)_random.Next(32, 127);
        }

        return new string(chars);
    }

    private string BadFields() => _random.Next(5) switch
    {
        0 => """{"action":"SDP_OFFER","messagePayload":"%%%not-base64%%%","correlationId":"b-1"}""",
        1 => $$"""{"action":"SDP_OFFER","messagePayload":"{{new string('A', 10 * 1024 + 4)}}","correlationId":"b-2"}""",
        2 => $$"""{"action":"SDP_OFFER","messagePayload":"e30=","correlationId":"{{new string('c', 300)}}"}""",
        3 => """{"action":"GO_AWAY","messagePayload":"e30=","correlationId":"b-3"}""",
        _ => """{"action":"SDP_OFFER","recipientClientId":"../../etc","messagePayload":"e30=","correlationId":"b-4"}""",
    };

    private byte[] Control() => _random.Next(6) switch
    {
        0 => Infrastructure.RawWebSocket.Frame(Fin | 0x9, RandomBytes(_random.Next(0, 125))),
        1 => Infrastructure.RawWebSocket.Frame(Fin | 0xA, RandomBytes(_random.Next(0, 125))),
        2 => Infrastructure.RawWebSocket.Frame(Fin | 0x9, RandomBytes(200)),
        3 => Infrastructure.RawWebSocket.Frame((byte)(Fin | (3 + _random.Next(5))), RandomBytes(10)),
        4 => Infrastructure.RawWebSocket.Frame(0x40 | Fin | Text, Encoding.UTF8.GetBytes(Valid[0])),
        _ => Infrastructure.RawWebSocket.Frame(Fin | 0x8, [(byte)_random.Next(256), (byte)_random.Next(256), .. RandomBytes(_random.Next(0, 60))]),
    };

    private byte[] Fragments()
    {
        var text = Encoding.UTF8.GetBytes(Valid[_random.Next(Valid.Length)]);
        var cut = _random.Next(1, text.Length);
        return _random.Next(3) switch
        {
            // A message in two fragments: well formed.
            0 => [.. Infrastructure.RawWebSocket.Frame(Text, text.AsSpan(0, cut)), .. Infrastructure.RawWebSocket.Frame(Fin, text.AsSpan(cut))],
            // A continuation with nothing to continue.
            1 => Infrastructure.RawWebSocket.Frame(Fin, text),
            // A new message before the last one finished.
            _ => [.. Infrastructure.RawWebSocket.Frame(Text, text.AsSpan(0, cut)), .. Infrastructure.RawWebSocket.Frame(Fin | Text, text)],
        };
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}

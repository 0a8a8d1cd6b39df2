using KvsSignaling.Analyzers.Values;

namespace KvsSignaling.Analyzers.Analysis;

/// <summary>What a parameter, property or field expects: one value of a kind, or a collection of them.</summary>
internal readonly struct ValueSink
{
    public static readonly ValueSink None = default;

    public ValueSink(ChannelValueKind kind, bool isCollection)
    {
        Kind = kind;
        IsCollection = isCollection;
    }

    public ChannelValueKind Kind { get; }

    public bool IsCollection { get; }

    public bool IsNone => Kind == ChannelValueKind.None;
}

namespace KvsSignaling.Analyzers.Values;

/// <summary>What a value position expects.</summary>
internal enum ChannelValueKind
{
    None,
    Role,
    Protocol,
    Arn,
    ClientId,
}

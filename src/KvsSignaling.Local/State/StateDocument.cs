using KvsSignaling.Local.Channels;

namespace KvsSignaling.Local.State;

/// <summary>The JSON layout of the state file.</summary>
internal sealed record StateDocument(int FormatVersion, IReadOnlyList<Channel> Channels)
{
    public const int CurrentFormat = 1;
}

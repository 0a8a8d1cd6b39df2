namespace KvsSignaling.PowerShell.Arguments;

/// <summary>Completes -Role with MASTER and VIEWER.</summary>
public sealed class RoleCompleter : CanonicalValueCompleter
{
    /// <summary>Creates the completer.</summary>
    public RoleCompleter()
        : base(ChannelRole.All.Select(r => r.Value))
    {
    }
}

namespace KvsSignaling.PowerShell.Clients;

/// <summary>
/// Routes a shared client's request traces to the command invocation whose call caused them.
/// Clients live for the whole session and serve many invocations, so the route travels with the
/// asynchronous call instead of being fixed when the client is built.
/// </summary>
internal static class TraceRoute
{
    private static readonly AsyncLocal<Action<KvsRequestTrace>?> Current = new();

    /// <summary>Sends traces raised by calls made from the current asynchronous flow to <paramref name="sink"/>.</summary>
    public static void Set(Action<KvsRequestTrace>? sink) => Current.Value = sink;

    /// <summary>Routes the current flow's traces to <paramref name="sink"/> and returns the sink it had.</summary>
    public static Action<KvsRequestTrace>? Swap(Action<KvsRequestTrace>? sink)
    {
        var previous = Current.Value;
        if (!ReferenceEquals(previous, sink))
        {
            Current.Value = sink;
        }

        return previous;
    }

    /// <summary>The callback given to every client the module builds.</summary>
    public static void Dispatch(KvsRequestTrace trace) => Current.Value?.Invoke(trace);
}

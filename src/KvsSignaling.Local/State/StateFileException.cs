namespace KvsSignaling.Local.State;

/// <summary>The state file exists but cannot be used; kvs-local refuses to start rather than overwrite it.</summary>
public sealed class StateFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    /// <param name="path">The state file.</param>
    /// <param name="reason">What is wrong with it.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public StateFileException(string path, string reason, Exception? inner = null)
        : base($"The state file '{path}' cannot be used: {reason}. kvs-local did not start and left the file untouched; repair or remove it.", inner)
    {
        Path = path;
    }

    /// <summary>The state file.</summary>
    public string Path { get; }
}

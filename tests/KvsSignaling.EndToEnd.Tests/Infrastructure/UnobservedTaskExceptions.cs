namespace KvsSignaling.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Records task exceptions nobody observed while it is alive. <see cref="AssertNone"/> forces the finalizers that
/// report them to run, so a fire-and-forget task that failed inside the client shows up here.
/// </summary>
internal sealed class UnobservedTaskExceptions : IDisposable
{
    private readonly List<Exception> _seen = new();

    public UnobservedTaskExceptions() => TaskScheduler.UnobservedTaskException += OnUnobserved;

    public int Count
    {
        get
        {
            lock (_seen)
            {
                return _seen.Count;
            }
        }
    }

    public void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    public void AssertNone()
    {
        Collect();
        lock (_seen)
        {
            Assert.True(_seen.Count == 0, "Unobserved task exceptions: " + string.Join(Environment.NewLine, _seen));
        }
    }

    public void Dispose() => TaskScheduler.UnobservedTaskException -= OnUnobserved;

    private void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
    {
        lock (_seen)
        {
            _seen.Add(e.Exception);
        }
    }
}

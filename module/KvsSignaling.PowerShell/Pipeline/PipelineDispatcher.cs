using System.Collections.Concurrent;
using System.Management.Automation;

namespace KvsSignaling.PowerShell.Pipeline;

/// <summary>
/// Runs work that background tasks post (writes to PowerShell's streams) on the pipeline thread,
/// the only thread allowed to write. The pipeline thread never blocks on a task: it waits on this
/// queue with the stop token, so Ctrl+C returns at once even while requests are in flight.
/// </summary>
internal sealed class PipelineDispatcher
{
    private static readonly Action Wake = () => { };

    private readonly BlockingCollection<Action> queue = new();
    private readonly CancellationToken stopping;

    public PipelineDispatcher(CancellationToken stopping)
    {
        this.stopping = stopping;
    }

    /// <summary>Queues an action for the pipeline thread; callable from any thread.</summary>
    public void Post(Action action) => queue.Add(action);

    /// <summary>Runs posted actions until the task has finished, then returns its result.</summary>
    public T Wait<T>(Task<T> task)
    {
        RunUntil(task);
        return Unwrap(task);
    }

    /// <summary>Runs posted actions until the task has finished, then rethrows its failure if any.</summary>
    public void Wait(Task task)
    {
        RunUntil(task);
        Unwrap(task);
    }

    /// <summary>Runs whatever is queued now without waiting for more.</summary>
    public void Drain()
    {
        while (queue.TryTake(out var action))
        {
            action();
        }
    }

    private void RunUntil(Task task)
    {
        if (!task.IsCompleted)
        {
            task.ContinueWith(_ => queue.Add(Wake), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        while (!task.IsCompleted)
        {
            Action action;
            try
            {
                action = queue.Take(stopping);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }

            action();
        }

        Drain();
    }

    private T Unwrap<T>(Task<T> task)
    {
        Unwrap((Task)task);
        return task.Result;
    }

    private void Unwrap(Task task)
    {
        if (stopping.IsCancellationRequested && task.Status != TaskStatus.RanToCompletion)
        {
            throw new PipelineStoppedException();
        }

        // GetResult rethrows the original exception rather than an AggregateException.
        task.GetAwaiter().GetResult();
    }
}

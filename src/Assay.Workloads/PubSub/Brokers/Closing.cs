namespace Assay.Workloads.PubSub.Brokers;

/// <summary>
/// Closes clients whose broker may already be gone: each close gets a few seconds, then is abandoned, so a
/// dead broker cannot hold a run that is failing anyway.
/// </summary>
internal static class Closing
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public static async Task BoundedAsync(Func<Task> close)
    {
        ArgumentNullException.ThrowIfNull(close);
        try
        {
            await close().WaitAsync(Limit);
        }
        // Any failure: every client library throws its own kinds when its broker is gone.
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The connection is going or gone; nothing of the run depends on closing it cleanly.
        }
    }
}

/// <summary>A subscription: a reading task to stop and clients to close, in order.</summary>
internal sealed class Subscription(CancellationTokenSource reading, Task reader, Func<Task> close) : IAsyncDisposable
{
    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await reading.CancelAsync();
        await Closing.BoundedAsync(async () =>
        {
            try
            {
                await reader;
            }
            catch (OperationCanceledException)
            {
                // The reading loop ends by cancellation.
            }
        });
        await Closing.BoundedAsync(close);
        reading.Dispose();
    }
}

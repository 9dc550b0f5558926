namespace Assay.Workloads.Http;

/// <summary>What one connection does for the whole run under a load model.</summary>
internal interface IConnectionLoop
{
    /// <summary>Runs until the run stops; network failures are recorded, never thrown.</summary>
    Task RunAsync();

    /// <summary>Sends nothing more and interrupts waits (think time, back-off) so the loop ends promptly.</summary>
    void Stop();

    /// <summary>Ends the loop now: closes its connections, aborting requests in flight.</summary>
    void Abort();
}

/// <summary>A loop with one Socket-based connection, whose request timeout the watchdog enforces.</summary>
internal interface ISocketLoop : IConnectionLoop, IDisposable
{
    HttpConnection Connection { get; }
}

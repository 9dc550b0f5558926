namespace Assay.Workloads.Sessions;

/// <summary>
/// One connection of a request/response driver (SQL, key-value), used by one loop at a time: it runs
/// the operation it is given to completion and says how it went. It catches what the server and the
/// network do to it and reports them as outcomes; anything it throws is a bug, except cancellation.
/// </summary>
internal interface ISession : IAsyncDisposable
{
    /// <summary>False once the connection is unusable (closed, reset, timed out mid-answer): the loop opens another.</summary>
    bool IsUsable { get; }

    /// <summary>Runs operation <paramref name="operation"/> (an index into the workload's operations).</summary>
    ValueTask<Outcome> RunAsync(int operation, CancellationToken cancellationToken);
}

/// <summary>Opens the session of connection <c>index</c>; throws when it cannot connect.</summary>
internal delegate Task<ISession> SessionOpener(int index, CancellationToken cancellationToken);

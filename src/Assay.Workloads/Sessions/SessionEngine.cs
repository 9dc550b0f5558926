using System.Diagnostics;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Workloads.Http;

namespace Assay.Workloads.Sessions;

/// <summary>
/// Runs request/response sessions (one operation in flight each) under the closed or the open model:
/// opens every connection first (a server that refuses them fails the run before it starts), warms up,
/// measures the window, drains for at most a second, and returns what completed inside the window.
/// </summary>
internal static class SessionEngine
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(1);

    public static async Task<WorkloadMeasurement> RunAsync(
        SessionWorkload workload, SessionOpener open, IProgress<WorkloadProgress>? progress, CancellationToken cancellationToken)
    {
        if (workload.Connections < 1)
            throw new ArgumentException($"The workload needs at least one connection, not {workload.Connections}.", nameof(workload));
        ISession[] sessions;
        try
        {
            sessions = await OpenAllAsync(workload.Connections, open, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Nothing(workload);
        }

        var clock = new RunClock(Stopwatch.GetTimestamp(), workload.WarmUp, workload.Duration);
        var schedule = workload.Model is OpenModel model
            ? new ScheduleRecorder(new OpenSchedule(clock.Start, model.RatePerSecond), model.RatePerSecond, model.LagTolerance, model.MaxLateFraction, clock)
            : null;
        var recorder = new SessionRecorder(clock, workload.Operations, workload.Notes, schedule);
        var reporter = new StageReporter(clock, recorder.Totals, progress);
        reporter.Report(WorkloadStage.WarmingUp, clock.Start);

        using var abort = new CancellationTokenSource();
        var run = new SessionRun(workload, clock, recorder, new RequestMix(workload.Weights), open, abort.Token);
        var loops = sessions.Select((session, index) => new SessionLoop(run, index, session)).ToArray();
        var running = Task.WhenAll(loops.Select(l => Task.Run(l.RunAsync, CancellationToken.None)));
        try
        {
            await reporter.RunUntilWindowClosesAsync(cancellationToken);
        }
        finally
        {
            run.Stop();
            foreach (var loop in loops) loop.Stop();
            reporter.Report(WorkloadStage.Done, Stopwatch.GetTimestamp());
            await DrainAsync(running, abort);
            foreach (var loop in loops) await loop.DisposeAsync();
        }
        return recorder.Build(workload.Unit, clock.WindowEnd);
    }

    /// <summary>The measurement of a run cancelled before its window opened: every operation at zero.</summary>
    public static WorkloadMeasurement Nothing(SessionWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var now = Stopwatch.GetTimestamp();
        return new SessionRecorder(new RunClock(now, workload.WarmUp, workload.Duration), workload.Operations, workload.Notes, null).Build(workload.Unit, now);
    }

    /// <summary>Opens every session at once; if one fails, the others are closed and the failure stands.</summary>
    private static async Task<ISession[]> OpenAllAsync(int count, SessionOpener open, CancellationToken cancellationToken)
    {
        var opening = Enumerable.Range(0, count).Select(i => open(i, cancellationToken)).ToArray();
        try
        {
            return await Task.WhenAll(opening);
        }
        catch
        {
            foreach (var task in opening.Where(t => t.IsCompletedSuccessfully)) await task.Result.DisposeAsync();
            throw;
        }
    }

    /// <summary>Gives in-flight operations a moment to finish (they no longer count), then cancels them.</summary>
    private static async Task DrainAsync(Task running, CancellationTokenSource abort)
    {
        try
        {
            await running.WaitAsync(DrainLimit);
            return;
        }
        catch (TimeoutException)
        {
            // Operations still in flight after the limit: cancelling them ends the loops now.
        }
        await abort.CancelAsync();
        await running;
    }
}

/// <summary>What every loop of one run shares.</summary>
internal sealed class SessionRun(
    SessionWorkload workload, RunClock clock, SessionRecorder recorder, RequestMix mix, SessionOpener open, CancellationToken abort)
{
    private volatile bool _stopping;

    public SessionWorkload Workload => workload;

    public RunClock Clock => clock;

    public SessionRecorder Recorder => recorder;

    public RequestMix Mix => mix;

    public SessionOpener Open => open;

    /// <summary>Cancelled when in-flight operations must end (after the drain limit).</summary>
    public CancellationToken Abort => abort;

    /// <summary>Set when the window closes or the run is cancelled: loops start nothing more.</summary>
    public bool Stopping => _stopping;

    public void Stop() => _stopping = true;
}

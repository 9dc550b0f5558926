using System.Diagnostics;

namespace Assay.Workloads.Http;

/// <summary>
/// One connection of the open model: take the next request number of the shared schedule, wait for its
/// due time, send it. Latency runs from the due time (coordinated-omission free, as in wrk2), so time
/// spent waiting because every connection was busy counts against the server.
/// </summary>
internal sealed class OpenLoop(HttpRun run, HttpConnection connection, int target, int index, PacingTimer timer) : ISocketLoop
{
    public HttpConnection Connection => connection;

    public void Dispose() => timer.Dispose();

    public async Task RunAsync()
    {
        var schedule = run.Recorder.Schedule!;
        var random = new Random(run.Seed + index);
        var requests = run.Requests[target];
        var freeAt = Stopwatch.GetTimestamp();
        while (!run.Stopping)
        {
            // Past the window nothing more is sent: a request still queued for a busy connection then is unsent.
            var due = schedule.Schedule.DueAt(schedule.Schedule.Take());
            if (due >= run.Clock.WindowEnd || Stopwatch.GetTimestamp() >= run.Clock.WindowEnd) break;
            if (!await WaitUntil(due)) break;
            var sentAt = Stopwatch.GetTimestamp();
            schedule.RecordSend(due, sentAt - Math.Max(due, freeAt));

            var operation = run.Mix.Next(random);
            var outcome = await connection.ExchangeAsync(requests[operation], run.IsHead[operation], run.TimeoutTicks);
            var completedAt = Stopwatch.GetTimestamp();
            // No back-off after a failure: the schedule itself paces the attempts at a dead server.
            if (outcome == ExchangeOutcome.Response)
                run.Recorder.RecordResponse(operation, connection.StatusCode, due, completedAt);
            else
                run.Recorder.RecordFailure(operation, outcome.ToFailureKind(), completedAt);
            freeAt = completedAt;
        }
    }

    /// <summary>
    /// At the planned end every wait is for a request due inside the window, which is still sent (late
    /// by at most the timer's resolution); a cancellation closes the window early and ends the waits.
    /// </summary>
    public void Abort()
    {
        timer.Stop();
        connection.Dispose();
    }

    public void Stop()
    {
        if (run.Clock.WindowEnd < run.Clock.PlannedWindowEnd) timer.Stop();
    }

    private async ValueTask<bool> WaitUntil(long due)
    {
        // The timer ticks in whole milliseconds: wait again if it woke a little early.
        for (var now = Stopwatch.GetTimestamp(); now < due; now = Stopwatch.GetTimestamp())
        {
            if (!await timer.WaitAsync(RunClock.ToTimeSpan(due - now))) return false;
        }
        return due < run.Clock.WindowEnd;
    }
}

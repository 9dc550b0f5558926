using System.Diagnostics;

namespace Assay.Workloads.Http;

/// <summary>
/// One connection of the open model: take the next request number of the shared schedule, wait for its
/// due time, send it. Latency runs from the due time (coordinated-omission free, as in wrk2), so time
/// spent waiting because every connection was busy counts against the server.
/// </summary>
internal sealed class OpenLoop(HttpRun run, HttpConnection connection, int target, int index, PacingTimer timer) : IConnectionLoop
{
    public async Task RunAsync()
    {
        var schedule = run.Recorder.Schedule!;
        var random = new Random(run.Seed + index);
        var requests = run.Requests[target];
        var backOff = new BackOff();
        var freeAt = Stopwatch.GetTimestamp();
        while (!run.Stopping)
        {
            var due = schedule.Schedule.DueAt(schedule.Schedule.Take());
            if (due >= run.Clock.WindowEnd) break;
            if (!await WaitUntil(due)) break;
            var sentAt = Stopwatch.GetTimestamp();
            schedule.RecordSend(due, sentAt - Math.Max(due, freeAt));

            var operation = run.Mix.Next(random);
            var outcome = await connection.ExchangeAsync(requests[operation], run.IsHead[operation], run.TimeoutTicks);
            var completedAt = Stopwatch.GetTimestamp();
            if (outcome == ExchangeOutcome.Response)
            {
                run.Recorder.RecordResponse(operation, connection.StatusCode, due, completedAt);
                backOff.Reset();
            }
            else
            {
                run.Recorder.RecordFailure(operation, outcome.ToFailureKind(), completedAt);
                if (outcome == ExchangeOutcome.Connection && !await timer.WaitAsync(backOff.Next())) break;
            }
            freeAt = Stopwatch.GetTimestamp();
        }
    }

    public void Stop() => timer.Stop();

    private async ValueTask<bool> WaitUntil(long due)
    {
        // The timer ticks in whole milliseconds: wait again if it woke a little early.
        for (var now = Stopwatch.GetTimestamp(); now < due; now = Stopwatch.GetTimestamp())
        {
            if (!await timer.WaitAsync(RunClock.ToTimeSpan(due - now))) return false;
        }
        return !run.Stopping;
    }
}

using System.Diagnostics;
using Assay.Core.Plans;
using Assay.Workloads.Http;

namespace Assay.Workloads.Sessions;

/// <summary>
/// One connection's loop. Closed model: run an operation, think, repeat; latency from the start of the
/// operation. Open model: take the next slot of the shared schedule, wait for its due time, run it;
/// latency from the due time, so waiting for a busy connection counts against the server (wrk2's method).
/// A broken connection is replaced, with a growing pause between failed attempts.
/// </summary>
internal sealed class SessionLoop(SessionRun run, int index, ISession initial) : IAsyncDisposable
{
    private readonly PacingTimer _timer = new();
    private ISession? _session = initial;
    private BackOff _backOff;

    public async Task RunAsync()
    {
        var random = new Random(run.Workload.Seed + index);
        try
        {
            if (run.Workload.Model is OpenModel) await OpenAsync(random);
            else await ClosedAsync((ClosedModel)run.Workload.Model, random);
        }
        catch (OperationCanceledException) when (run.Abort.IsCancellationRequested)
        {
            // The drain limit passed with this operation in flight: it does not count.
        }
    }

    /// <summary>The window closed: no new operation starts, pauses end (an open-model wait for a slot due inside a window cut short ends too).</summary>
    public void Stop()
    {
        if (run.Workload.Model is ClosedModel || run.Clock.WindowEnd < run.Clock.PlannedWindowEnd) _timer.Stop();
    }

    public async ValueTask DisposeAsync()
    {
        _timer.Dispose();
        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync();
        }
    }

    private async Task ClosedAsync(ClosedModel model, Random random)
    {
        // The window's end is checked here too: the run's stop signal may come a little late.
        while (!run.Stopping && Stopwatch.GetTimestamp() < run.Clock.WindowEnd)
        {
            var operation = run.Mix.Next(random);
            var startedAt = Stopwatch.GetTimestamp();
            var outcome = await RunOneAsync(operation);
            run.Recorder.Record(operation, outcome, startedAt, Stopwatch.GetTimestamp());
            if (!await PauseAfterAsync(outcome)) break;
            if (model.ThinkTimeMax > TimeSpan.Zero
                && !await _timer.WaitAsync(model.ThinkTimeMin + ((model.ThinkTimeMax - model.ThinkTimeMin) * random.NextDouble())))
            {
                break;
            }
        }
    }

    private async Task OpenAsync(Random random)
    {
        var schedule = run.Recorder.Schedule!;
        var freeAt = Stopwatch.GetTimestamp();
        while (!run.Stopping)
        {
            // Past the window nothing more starts: a slot still waiting for a busy connection then is unsent.
            var due = schedule.Schedule.DueAt(schedule.Schedule.Take());
            if (due >= run.Clock.WindowEnd || Stopwatch.GetTimestamp() >= run.Clock.WindowEnd) break;
            if (!await WaitUntilAsync(due)) break;
            schedule.RecordSend(due, Stopwatch.GetTimestamp() - Math.Max(due, freeAt));
            var operation = run.Mix.Next(random);
            var outcome = await RunOneAsync(operation);
            freeAt = Stopwatch.GetTimestamp();
            run.Recorder.Record(operation, outcome, due, freeAt);
            // No back-off after a failure: the schedule itself paces attempts at a dead server.
        }
    }

    /// <summary>Runs one operation on a usable session, opening a new one first when the last broke.</summary>
    private async ValueTask<Outcome> RunOneAsync(int operation)
    {
        if (_session is not { IsUsable: true })
        {
            if (_session is { } broken)
            {
                _session = null;
                await broken.DisposeAsync();
            }
            try
            {
                _session = await run.Open(index, run.Abort);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Outcome.Unanswered(ErrorKinds.Connection);
            }
        }
        return await _session.RunAsync(operation, run.Abort);
    }

    /// <summary>Pauses, growing, after connection failures so a dead server is not a busy loop; false when the run stopped.</summary>
    private async ValueTask<bool> PauseAfterAsync(Outcome outcome)
    {
        if (outcome.Error != ErrorKinds.Connection)
        {
            _backOff.Reset();
            return true;
        }
        return await _timer.WaitAsync(_backOff.Next());
    }

    private async ValueTask<bool> WaitUntilAsync(long due)
    {
        // The timer ticks in whole milliseconds: wait again if it woke a little early.
        for (var now = Stopwatch.GetTimestamp(); now < due; now = Stopwatch.GetTimestamp())
        {
            if (!await _timer.WaitAsync(RunClock.ToTimeSpan(due - now))) return false;
        }
        return due < run.Clock.WindowEnd;
    }
}

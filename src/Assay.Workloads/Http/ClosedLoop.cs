using System.Diagnostics;
using Assay.Core.Plans;

namespace Assay.Workloads.Http;

/// <summary>
/// One connection of the closed model: send, wait for the response, think, repeat. Latency runs from
/// just before the request is written to when the last byte of the response is read.
/// </summary>
internal sealed class ClosedLoop(HttpRun run, HttpConnection connection, int target, int index, PacingTimer timer) : ISocketLoop
{
    public HttpConnection Connection => connection;

    public void Dispose() => timer.Dispose();

    public async Task RunAsync()
    {
        var model = (ClosedModel)run.Plan.Model;
        var random = new Random(run.Seed + index);
        var requests = run.Requests[target];
        var backOff = new BackOff();
        // The window's end is checked here too: the run's stop signal may come a little late.
        while (!run.Stopping && Stopwatch.GetTimestamp() < run.Clock.WindowEnd)
        {
            var operation = run.Mix.Next(random);
            var outcome = await connection.ExchangeAsync(requests[operation], run.IsHead[operation], run.TimeoutTicks);
            var completedAt = Stopwatch.GetTimestamp();
            if (outcome == ExchangeOutcome.Response)
            {
                run.Recorder.RecordResponse(operation, connection.StatusCode, connection.SentAt, completedAt);
                backOff.Reset();
            }
            else
            {
                run.Recorder.RecordFailure(operation, outcome.ToFailureKind(), completedAt);
                if (outcome == ExchangeOutcome.Connection && !await timer.WaitAsync(backOff.Next())) break;
            }
            if (model.ThinkTimeMax > TimeSpan.Zero && !await timer.WaitAsync(ThinkTime(model, random))) break;
        }
    }

    public void Abort()
    {
        timer.Stop();
        connection.Dispose();
    }

    public void Stop() => timer.Stop();

    private static TimeSpan ThinkTime(ClosedModel model, Random random) =>
        model.ThinkTimeMin + ((model.ThinkTimeMax - model.ThinkTimeMin) * random.NextDouble());
}

using Assay.Core.Plans;

namespace Assay.Core.Capacity;

/// <summary>
/// A variant's workload as one capacity step runs it: the open model at the step's rate, measured for the step's
/// duration after a short warm-up. An open workload keeps its connection limit and tolerances; a closed one gets
/// the defaults an experiment file's open model gets. Pure.
/// </summary>
public static class CapacityWorkload
{
    /// <summary>The longest warm-up of a step: each step deploys fresh components, so steps stay short.</summary>
    public static readonly TimeSpan StepWarmUp = TimeSpan.FromSeconds(1);

    /// <summary>Connections of a step whose workload was closed, unless it had more (the resolver's open-model default).</summary>
    public const int DefaultMaxConnections = 100;

    /// <summary>How late the generator may send before a send counts as late (the resolver's open-model default).</summary>
    public static readonly TimeSpan DefaultLagTolerance = TimeSpan.FromMilliseconds(10);

    /// <summary>The late or unsent fraction beyond which a step is invalid (the resolver's open-model default).</summary>
    public const double DefaultMaxLateFraction = 0.01;

    public static WorkloadPlan AtRate(WorkloadPlan workload, double ratePerSecond, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var model = workload.Model switch
        {
            OpenModel open => open with { RatePerSecond = ratePerSecond },
            ClosedModel closed => new OpenModel(ratePerSecond, Math.Max(DefaultMaxConnections, closed.Connections), DefaultLagTolerance, DefaultMaxLateFraction),
            _ => new OpenModel(ratePerSecond, DefaultMaxConnections, DefaultLagTolerance, DefaultMaxLateFraction),
        };
        var warmUp = workload.WarmUp < StepWarmUp ? workload.WarmUp : StepWarmUp;
        return workload switch
        {
            // Publish/subscribe and log ingestion keep their rate in a field of their own.
            PubSubWorkloadPlan pubsub => pubsub with { RatePerSecond = ratePerSecond, Model = model, WarmUp = warmUp, Duration = duration },
            LogsIngestWorkloadPlan logs => logs with { RatePerSecond = ratePerSecond, WarmUp = warmUp, Duration = duration },
            MetricsIngestWorkloadPlan => throw new ArgumentException(
                "A metrics-ingest workload has no arrival rate to search (its load is the scrape): remove workload.capacity, or search an http, sql, kv, pubsub or logs-ingest workload.",
                nameof(workload)),
            _ => workload with { Model = model, WarmUp = warmUp, Duration = duration },
        };
    }
}

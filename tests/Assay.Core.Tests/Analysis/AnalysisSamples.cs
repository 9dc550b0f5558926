using Assay.Core.Analysis;
using Assay.Core.Cost;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Core.Results;
using Assay.Core.Tests.Cost;

namespace Assay.Core.Tests.Analysis;

/// <summary>Trials built by hand: a throughput, an error count and a component's steady usage, each figure known on paper.</summary>
internal static class AnalysisSamples
{
    public static VariantPlan Variant(string name) => new(
        name,
        [],
        new HttpWorkloadPlan(new TargetPlan(null, null, new Uri("http://127.0.0.1:9")), [], new ClosedModel(1, TimeSpan.Zero, TimeSpan.Zero),
            TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromSeconds(1)),
        [],
        new Dictionary<string, string>());

    public static ExperimentPlan Plan(params VariantPlan[] variants) => new(
        new ExperimentInfo("sample", "Sample", null, [], null),
        variants,
        1,
        PlacementPlan.Unpinned,
        new Dictionary<string, string>(),
        new ExperimentSource("experiment.yaml", ""));

    /// <summary>
    /// One trial of an hour at <paramref name="perSecond"/> requests a second, <paramref name="failed"/> of them
    /// failed, every latency 1 ms; "web" used <paramref name="cores"/> cores and 1 GiB throughout.
    /// </summary>
    public static TrialOutcome Trial(int trial, string variant, double perSecond, long failed = 0, double cores = 0.5, RunStatus status = RunStatus.Passed)
    {
        var total = (long)(perSecond * 3600) + failed;
        var latency = LatencyHistogram.Create();
        latency.RecordMicroseconds(1_000, total);
        var workload = Samples.Workload(TimeSpan.FromHours(1), [Samples.Operation("get", total, failed, latency)]);
        return new TrialOutcome(trial, variant, status, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(1), workload,
            [CostSamples.Steady("web", cores, 1)], null, status == RunStatus.Error ? "web exited" : null)
        {
            UsageWindow = new UsageWindow(0, 3600),
        };
    }

    public static VariantOutcomes Outcomes(VariantPlan variant, params double[] throughputs) =>
        new(variant, [.. throughputs.Select((t, i) => Trial(i + 1, variant.Name, t))]);
}

using Assay.Core.Cost;
using Assay.Core.Results;
using Assay.Core.Slo;
using Assay.Core.Statistics;

namespace Assay.Testing;

/// <summary>
/// The evidence <see cref="RunResultBuilder.WithEvidence"/> adds to a built variant: KPIs from its trials, a cost
/// priced at fixed rates, SLOs evaluated on the trials' measurements, and comparisons as the analysis computes them.
/// </summary>
internal static class EvidenceFixture
{
    private const string Node = "gcp/e2-standard-4";
    private const double CoreHour = 0.0335, GibHour = 0.0045;
    private static readonly SloPlan Availability = new("availability", SloKind.Availability, 99.9);
    private static readonly SloPlan Latency = new("latency", SloKind.Latency, 99, TimeSpan.FromMilliseconds(6));

    public static VariantResult Add(VariantResult variant, IReadOnlyList<TrialOutcome> outcomes)
    {
        var costs = variant.TrialResults.Select(TrialCost).ToList();
        var values = variant.TrialResults
            .Select((t, i) => new Dictionary<string, double>(KpiCatalog.ValuesOf(t.Workload!), StringComparer.Ordinal)
            {
                [KpiCatalog.CostPerMillion.Name] = costs[i].PerMillion!.Value,
            })
            .ToList();
        var kpis = KpiCatalog.All.ToDictionary(k => k.Name, k => KpiSummary.Of([.. values.Select(v => v[k.Name])]), StringComparer.Ordinal);
        var slos = new[] { Availability, Latency }
            .Select(plan => SloEvaluator.Combine(plan, [.. outcomes.Select(o => SloEvaluator.Evaluate(plan, o.Workload!))]))
            .ToList();
        return variant with { Kpis = kpis, Cost = costs.OrderBy(c => c.Total).ElementAt((costs.Count - 1) / 2), Slos = slos };
    }

    public static IReadOnlyList<Comparison> Compare(IReadOnlyList<VariantResult> variants) =>
        Comparisons.Compute(
            [.. variants.Select(v => new VariantTrials(v.Name, v.Kpis.ToDictionary(k => k.Key, k => k.Value.Trials, StringComparer.Ordinal)))],
            [KpiCatalog.Throughput, KpiCatalog.LatencyP99Ms, KpiCatalog.CostPerMillion],
            new ComparisonPlan(Confidence: 0.8, Margin: 0.05));

    /// <summary>A trial's cost: its components' CPU-seconds and average memory over the window, at fixed on-demand rates.</summary>
    private static CostResult TrialCost(TrialSummary trial)
    {
        var window = trial.Workload!.WindowSeconds;
        var components = trial.Components.Select(c =>
        {
            var coreHours = c.CpuSeconds / 3600;
            var gibHours = c.MemoryAvgBytes / (double)(1L << 30) * window / 3600;
            return new ComponentCost(c.Name, c.Replicas, coreHours, gibHours, coreHours * CoreHour + gibHours * GibHour, null, null, null);
        }).ToList();
        var total = components.Sum(c => c.Cost);
        var succeeded = trial.Workload.Requests - trial.Workload.Errors;
        double? perMillion = succeeded > 0 ? total / succeeded * 1e6 : null;
        var view = new CostView(total, perMillion, null);
        return new CostResult(Node, Market.OnDemand, AllocationMode.Usage, total, perMillion, trial.Workload.Unit, null, components,
            new CostViews(view, view, null, null), null, "on-demand list prices of us-central1 (fixture)", window, succeeded, []);
    }
}

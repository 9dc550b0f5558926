using Assay.Core.Cost;
using Assay.Core.Slo;
using Assay.Core.Statistics;
using Assay.Specs.Experiments;

namespace Assay.Specs.Tests.Evidence;

/// <summary>The comparison experiments the repository ships declare their evidence: prices, SLOs, a margin and criteria.</summary>
public class ShippedEvidenceTests
{
    [Theory]
    [InlineData("experiments/cache-comparison", "get")]
    [InlineData("experiments/database-comparison", null)]
    public void The_comparisons_are_priced_judged_by_slos_and_checked_by_criteria(string folder, string? latencyOperation)
    {
        var options = ResolveOptions.None with { Prices = RepoFiles.PriceBook };
        var outcome = ExperimentLoader.Load(RepoFiles.PathOf(folder), options, RepoFiles.Catalog);
        Assert.True(outcome.Value is not null, Fixtures.Lines(outcome.Diagnostics));
        var plan = outcome.Value!;

        Assert.Equal(new ComparisonPlan(0.95, 0.05, null), plan.Comparison);
        // A 95% interval needs at least four trials per variant (docs/statistics.md).
        Assert.True(plan.Trials >= 4);
        Assert.Equal(("gcp/e2-standard-4", Market.OnDemand, AllocationMode.MaxRequestUsage), (plan.Cost!.Node, plan.Cost.Market, plan.Cost.Allocation));
        Assert.Equal(0.134012, plan.Pricing!.PerHour!.Value, 6);

        Assert.Equal([SloKind.Availability, SloKind.Latency], plan.Slos.Select(s => s.Kind));
        Assert.Equal(99.9, plan.Slos[0].Objective);
        Assert.Equal((99.0, latencyOperation), (plan.Slos[1].Objective, plan.Slos[1].Operation));

        var criteria = plan.Info.Hypothesis!.SuccessCriteria;
        Assert.Contains(criteria, c => c is { Metric: "error_ratio", Variant: null });
        var variants = plan.Variants.Select(v => v.Name).ToHashSet();
        Assert.All(criteria.Where(c => c.Baseline is not null), c =>
        {
            Assert.Contains(c.Variant!, variants);
            Assert.Contains(c.Baseline!, variants);
        });
        Assert.All(criteria, c => Assert.NotNull(KpiCatalog.Find(c.Metric)));
    }
}

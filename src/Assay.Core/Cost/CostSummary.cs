using Assay.Core.Statistics;

namespace Assay.Core.Cost;

/// <summary>
/// A variant's cost across its trials: the median of every figure (trials are the unit of analysis), the
/// projection worked out again from the median throughput, cores and memory so that its node count is a whole
/// number of the same formula. Pure.
/// </summary>
public static class CostSummary
{
    /// <exception cref="ArgumentException">No trials were given.</exception>
    public static CostResult AcrossTrials(IReadOnlyList<CostResult> trials, PricedNode node)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(node);
        if (trials.Count == 0) throw new ArgumentException("A variant's cost needs at least one priced trial.", nameof(trials));
        if (trials.Count == 1) return trials[0];
        var first = trials[0];

        var names = trials.SelectMany(t => t.Components.Select(c => c.Name)).Distinct(StringComparer.Ordinal).ToList();
        var components = names.Select(name =>
        {
            var cs = trials.SelectMany(t => t.Components.Where(c => c.Name == name)).ToList();
            return new ComponentCost(
                name,
                cs.Max(c => c.Replicas),
                Median.Of(cs.Select(c => c.CpuCoreHours)),
                Median.Of(cs.Select(c => c.GibHours)),
                Median.Of(cs.Select(c => c.Cost)),
                MedianOrNull(cs.Select(c => c.Efficiency)),
                MedianOrNull(cs.Select(c => c.CpuEfficiency)),
                MedianOrNull(cs.Select(c => c.MemoryEfficiency)));
        }).ToList();

        var views = new CostViews(
            MedianView([.. trials.Select(t => t.Views.Allocated)])!,
            MedianView([.. trials.Select(t => t.Views.Usage)])!,
            MedianView([.. trials.Where(t => t.Views.Node is not null).Select(t => t.Views.Node!)]),
            MedianOrNull(trials.Select(t => t.Views.Idle)));

        var notes = trials.SelectMany(t => t.Notes).Distinct(StringComparer.Ordinal).ToList();
        var projected = trials.Where(t => t.Projection is not null).Select(t => t.Projection!).ToList();
        CostProjection? projection = null;
        if (projected.Count > 0)
        {
            var (median, reason) = CostProjector.Project(
                node,
                projected[0].Rate,
                projected[0].Unit,
                Median.Of(projected.Select(p => p.Throughput)),
                Median.Of(projected.Select(p => p.CoresUsed)),
                Median.Of(projected.Select(p => p.MemoryGiB)));
            projection = median is null ? null : median with { Assumptions = [.. median.Assumptions, $"medians of {projected.Count} trials"] };
            if (reason is not null) notes.Add(reason);
        }

        return new CostResult(
            first.Node,
            first.Market,
            first.Allocation,
            Median.Of(trials.Select(t => t.Total)),
            MedianOrNull(trials.Select(t => t.PerMillion)),
            first.Unit,
            MedianOrNull(trials.Select(t => t.PerGb)),
            components,
            views,
            projection,
            first.Assumption,
            Median.Of(trials.Select(t => t.WindowSeconds)),
            (long)Math.Round(Median.Of(trials.Select(t => (double)t.Operations))),
            notes);
    }

    private static CostView? MedianView(IReadOnlyList<CostView> views) => views.Count == 0
        ? null
        : new CostView(Median.Of(views.Select(v => v.Total)), MedianOrNull(views.Select(v => v.PerMillion)), MedianOrNull(views.Select(v => v.PerGb)));

    /// <summary>The median of the trials that have the figure; null when none has it.</summary>
    private static double? MedianOrNull(IEnumerable<double?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : Median.Of(present);
    }
}

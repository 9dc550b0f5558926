using Assay.Core.Results;
using Assay.Core.Statistics;

namespace Assay.Core.History;

/// <summary>The trial values of each KPI of a stored variant: the samples history and run-to-run comparisons use.</summary>
public static class KpiSamples
{
    /// <summary>
    /// Each KPI's trial values, in trial order: the analysed values (<see cref="VariantResult.Kpis"/>) when the
    /// result has them, otherwise the workload KPIs of every trial that measured validly (results written
    /// before the analysis kept KPIs, and cut-down test results). Cost per million exists only in the first form.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<double>> Of(VariantResult variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        if (variant.Kpis.Count > 0)
            return variant.Kpis.ToDictionary(k => k.Key, k => k.Value.Trials, StringComparer.Ordinal);

        var values = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        // The same trials the analysis keeps: an error, a cancellation or an invalid measurement is no KPI value.
        foreach (var trial in variant.TrialResults.Where(t => t.Status is RunStatus.Passed or RunStatus.Failed))
        {
            if (trial.Workload is not { Valid: true } workload) continue;
            foreach (var (name, value) in KpiCatalog.ValuesOf(workload))
            {
                if (!double.IsFinite(value) || value < 0) continue;
                if (!values.TryGetValue(name, out var list)) values[name] = list = [];
                list.Add(value);
            }
        }
        return values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<double>)kv.Value, StringComparer.Ordinal);
    }

    /// <summary>A KPI's median across the variant's trials, as history, regressions and the dashboard show it; null when no trial measured it.</summary>
    public static double? Median(VariantResult variant, string kpi)
    {
        ArgumentNullException.ThrowIfNull(variant);
        if (variant.Kpis.TryGetValue(kpi, out var summary)) return summary.Median;
        return Of(variant).TryGetValue(kpi, out var values) && values.Count > 0 ? Statistics.Median.Of(values) : null;
    }

    /// <summary>The trial values of one KPI of the named variant of a run; empty when it has none.</summary>
    public static IReadOnlyList<double> Of(RunResult run, string variant, string kpi)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Variants.FirstOrDefault(v => v.Name == variant) is { } found
            && Of(found).TryGetValue(kpi, out var values) ? values : [];
    }
}

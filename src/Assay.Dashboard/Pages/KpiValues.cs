using Assay.Core.Results;
using Assay.Core.Statistics;

namespace Assay.Dashboard.Pages;

/// <summary>A variant's KPI medians, from its KPI summaries, or from its workload figures in results stored before KPIs were.</summary>
internal static class KpiValues
{
    /// <summary>The KPIs pages show, in order: those of the catalog, then any other the variants carry.</summary>
    public static IReadOnlyList<KpiDefinition> Shown(IEnumerable<VariantResult> variants)
    {
        var names = variants.SelectMany(v => v.Kpis.Keys).ToHashSet(StringComparer.Ordinal);
        var shown = KpiCatalog.All.Where(k => names.Contains(k.Name) || k.Name != KpiCatalog.CostPerMillion.Name).ToList();
        shown.AddRange(names.Where(n => KpiCatalog.Find(n) is null).Order(StringComparer.Ordinal)
            .Select(n => new KpiDefinition(n, "", KpiDirection.HigherIsBetter, n)));
        return shown;
    }

    public static double? Median(VariantResult variant, string kpi)
    {
        if (variant.Kpis.TryGetValue(kpi, out var summary)) return summary.Median;
        return KpiCatalog.ValuesOf(variant.Workload).TryGetValue(kpi, out var value) ? value : null;
    }
}

using Assay.Core.Results;
using Assay.Core.Statistics;

namespace Assay.Dashboard.Pages;

/// <summary>Which KPIs the pages show (their medians come from <see cref="Core.History.KpiSamples.Median"/>, as assay history's do).</summary>
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
}

using Assay.Core.Results;
using Assay.Core.Statistics;
using Assay.Reporting.Charts;
using Assay.Reporting.Text;

namespace Assay.Reporting.Report;

/// <summary>
/// The charts of a run's report, in reading order: load over time, the latency spectrum, resources over time,
/// then the evidence (cost, comparisons, SLO budgets), each left out when the run has nothing for it. Pure.
/// </summary>
public static class RunCharts
{
    public static IReadOnlyList<ReportChart> For(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var charts = new List<ReportChart>();
        var unit = (result.Variants.Count > 0 ? result.Variants[0].Workload.Unit : null) ?? "operations";
        charts.Add(Line(new LineChartSpec(
            $"Throughput over time ({unit} succeeded per second, median of trials)", "second of the measured window", $"{unit}/s",
            [.. result.Variants.Select(v => RunSeries.PerSecond(v, failed: false))], Second, v => Formats.Rate(v)) { Id = "throughput" }));
        charts.Add(Line(new LineChartSpec(
            $"Errors over time ({unit} failed per second, median of trials)", "second of the measured window", "errors/s",
            [.. result.Variants.Select(v => RunSeries.PerSecond(v, failed: true))], Second, v => Formats.Rate(v)) { Id = "errors" }));
        charts.Add(Line(new LineChartSpec(
            "Latency by percentile (all trials merged)", "percentile (log scale of 1/(1−q))", "latency",
            [.. result.Variants.Select(RunSeries.Spectrum)], Percentile, Formats.Latency)
        { Id = "latency-spectrum", LogX = true, XTicks = [2, 10, 100, 1_000, 10_000] }));
        charts.Add(Line(new LineChartSpec(
            "CPU per component (replicas summed, the median-throughput trial)", "second of the trial (warm-up included)", "cores",
            [.. result.Variants.SelectMany(RunSeries.Cores)], Second, Formats.Number) { Id = "cpu" }));
        charts.Add(Line(new LineChartSpec(
            "Memory per component (working set, replicas summed, the median-throughput trial)", "second of the trial (warm-up included)", "memory (MiB)",
            [.. result.Variants.SelectMany(RunSeries.Memory)], Second, Formats.Number) { Id = "memory" }));
        if (Cost(result) is { } cost) charts.Add(cost);
        if (Comparisons(result) is { } comparisons) charts.Add(comparisons);
        if (SloBudgets(result) is { } slos) charts.Add(slos);
        return charts;
    }

    private static ReportChart Line(LineChartSpec spec) => new(spec.Id!, spec.Title, LineChart.Render(spec));

    private static ReportChart Interval(IntervalChartSpec spec) => new(spec.Id, spec.Title, IntervalChart.Render(spec));

    private static ReportChart? Cost(RunResult result)
    {
        var rows = result.Variants
            .Select(v => v.Kpis.TryGetValue(KpiCatalog.CostPerMillion.Name, out var k)
                ? new IntervalRow(v.Name, k.Median, k.Min, k.Max)
                : v.Cost?.PerMillion is { } perMillion ? new IntervalRow(v.Name, perMillion) : null)
            .OfType<IntervalRow>()
            .ToList();
        if (rows.Count == 0) return null;
        var unit = result.Variants.Select(v => v.Cost?.Unit).FirstOrDefault(u => u is not null) ?? "operations";
        return Interval(new IntervalChartSpec("cost", $"Cost per million {unit} (median, range across trials)", "US dollars per million", rows, Formats.Dollars, Bars: true));
    }

    private static ReportChart? Comparisons(RunResult result)
    {
        var rows = result.Comparisons
            .Where(c => c.Ratio is not null)
            .Select(c => new IntervalRow($"{c.Candidate} ÷ {c.Baseline} · {c.Kpi}", c.Ratio!.Value, c.CiLow, c.CiHigh))
            .ToList();
        if (rows.Count == 0) return null;
        var margin = result.Comparisons[0].Margin;
        return Interval(new IntervalChartSpec(
            "comparisons", "Comparisons: candidate ÷ baseline with confidence intervals", "ratio (1 = no difference; shaded: equivalence margin)",
            rows, Ratio, Reference: 1, Band: margin > 0 ? (1 / (1 + margin), 1 + margin) : null));
    }

    private static ReportChart? SloBudgets(RunResult result)
    {
        var rows = result.Variants
            .SelectMany(v => v.Slos.Where(s => s.BudgetConsumed is not null).Select(s => new IntervalRow($"{v.Name} · {s.Name}", s.BudgetConsumed!.Value)))
            .ToList();
        if (rows.Count == 0) return null;
        return Interval(new IntervalChartSpec("slo-budget", "SLO error budget consumed (100% = the whole budget)", "share of the error budget", rows, Formats.Percent, Reference: 1, Bars: true));
    }

    private static string Second(double seconds) => Formats.Number(seconds) + "s";

    private static string Percentile(double spectrumX) => Formats.Number(Math.Round(RunSeries.PercentileOf(spectrumX), 4)) + "%";

    private static string Ratio(double ratio) => Formats.Number(ratio) + "×";
}

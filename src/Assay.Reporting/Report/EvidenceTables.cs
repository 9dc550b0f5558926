using System.Globalization;
using System.Text.Json;
using Assay.Core.Results;
using Assay.Core.Statistics;
using Assay.Reporting.Text;

namespace Assay.Reporting.Report;

/// <summary>The figures behind the charts, as tables: workload, every KPI, resources, cost, comparisons, SLOs. Pure.</summary>
public static class EvidenceTables
{
    /// <summary>The tables that apply to the run, in reading order (cost, comparisons and SLOs only when there are any).</summary>
    public static IReadOnlyList<ReportTable> For(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tables = new List<ReportTable> { Workload(result), Kpis(result), Resources(result) };
        if (Cost(result) is { } cost) tables.Add(cost);
        if (result.Comparisons.Count > 0) tables.Add(Comparisons(result));
        if (result.Variants.Any(v => v.Slos.Count > 0)) tables.Add(Slos(result));
        return tables;
    }

    public static ReportTable Workload(RunResult result) => new(
        "workload",
        "Workload (measured window, warm-up excluded; median of trials)",
        ["Variant", "Status", "Throughput", "Operations", "Errors", "Error rate", "p50", "p90", "p99", "p99.9", "max"],
        [.. result.Variants.Select(v => (IReadOnlyList<string>)[
            v.Name + (v.Workload.Valid ? "" : " (invalid)"),
            SummaryTables.Status(v.Status),
            Formats.Rate(v.Workload.Throughput),
            Formats.Count(v.Workload.Requests),
            Formats.Count(v.Workload.Errors),
            Formats.Percent(v.Workload.ErrorRate),
            Formats.Latency(v.Workload.LatencyMs.P50),
            Formats.Latency(v.Workload.LatencyMs.P90),
            Formats.Latency(v.Workload.LatencyMs.P99),
            Formats.Latency(v.Workload.LatencyMs.P999),
            Formats.Latency(v.Workload.LatencyMs.Max)])])
    {
        Notes = [.. result.Variants.Where(v => v.Workload.InvalidReason is not null).Select(v => $"{v.Name}: {v.Workload.InvalidReason}")],
    };

    /// <summary>Every KPI of every variant across trials, the catalog's first and then any others the result holds.</summary>
    public static ReportTable Kpis(RunResult result)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var v in result.Variants)
        {
            var names = KpiCatalog.All.Select(k => k.Name).Where(v.Kpis.ContainsKey)
                .Concat(v.Kpis.Keys.Where(k => KpiCatalog.Find(k) is null).Order(StringComparer.Ordinal));
            foreach (var name in names)
            {
                var k = v.Kpis[name];
                var unit = KpiCatalog.Find(name)?.Unit ?? "";
                rows.Add([v.Name, name, Formats.Kpi(k.Median, unit), Formats.Kpi(k.Min, unit), Formats.Kpi(k.Max, unit),
                    Formats.Percent(k.Cv) + (k.HighVariation ? " (high)" : ""), string.Join(", ", k.Trials.Select(t => Formats.Kpi(t, unit)))]);
            }
        }
        return new ReportTable("kpis", "KPIs across trials", ["Variant", "KPI", "median", "min", "max", "CV", "trials"], rows);
    }

    public static ReportTable Resources(RunResult result)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var v in result.Variants)
        {
            var components = v.Components.Select(c => (c, name: c.Replicas > 1 ? $"{c.Name} (×{c.Replicas})" : c.Name));
            if (v.LoadGenerator is { } l) components = components.Append((l, name: "load generator"));
            foreach (var (c, name) in components)
                rows.Add([v.Name, name, Formats.Seconds(c.CpuSeconds), Formats.Cores(c.CpuCoresAvg), Formats.Bytes(c.MemoryPeakBytes),
                    Formats.Bytes(c.MemoryAvgBytes), c.StartupSeconds > 0 ? Formats.Seconds(c.StartupSeconds) + " s" : "–"]);
        }
        return new ReportTable("resources", "Resources per component (measured window, median of trials)",
            ["Variant", "Component", "CPU-s", "avg cores", "peak mem", "avg mem", "cold start"], rows);
    }

    public static ReportTable? Cost(RunResult result)
    {
        var priced = result.Variants.Where(v => v.Cost is not null).ToList();
        if (priced.Count == 0) return null;
        var first = priced[0].Cost!;
        return new ReportTable(
            "cost",
            $"Cost on {first.Node} ({Kebab(first.Market)}, allocation {Kebab(first.Allocation)})",
            ["Variant", "measured window", "per 1M", "allocated /1M", "usage /1M", "whole node /1M", "projection"],
            [.. priced.Select(v =>
            {
                var c = v.Cost!;
                return (IReadOnlyList<string>)[
                    v.Name,
                    Formats.Dollars(c.Total),
                    c.PerMillion is { } m ? $"{Formats.Dollars(m)} per 1M {c.Unit}" : "–",
                    Dollars(c.Views.Allocated.PerMillion),
                    Dollars(c.Views.Usage.PerMillion),
                    Dollars(c.Views.Node?.PerMillion),
                    c.Projection is { } p
                        ? $"{Formats.Rate(p.Rate)}: {Formats.Dollars(p.Monthly)}/month" + (p.Nodes is { } n ? $" ({n} node{(n == 1 ? "" : "s")})" : "")
                        : "–"];
            })])
        {
            Notes = [first.Assumption, .. priced.SelectMany(v => v.Cost!.Notes.Select(n => $"{v.Name}: {n}"))],
        };
    }

    public static ReportTable Comparisons(RunResult result) => new(
        "comparisons",
        "Comparisons (candidate ÷ baseline, Hodges–Lehmann ratio with its exact interval, Holm-corrected p)",
        ["Candidate", "Baseline", "KPI", "ratio", "interval", "p (Holm)", "verdict"],
        [.. result.Comparisons.Select(c => (IReadOnlyList<string>)[
            c.Candidate,
            c.Baseline,
            c.Kpi,
            c.Ratio is { } r ? Formats.Number(r) : "–",
            IntervalText.Of(c),
            c.PValueAdjusted is { } p ? p.ToString("0.####", CultureInfo.InvariantCulture) : "–",
            c.Judged ? c.Verdict.ToString().ToLowerInvariant() : "not judged"])])
    {
        Notes = [.. result.Comparisons.Select(c => c.Note).Where(n => n.Length > 0).Distinct()],
    };

    public static ReportTable Slos(RunResult result) => new(
        "slos",
        "SLOs (the median trial's figures; passed only when every trial passed)",
        ["Variant", "SLO", "objective", "SLI", "budget consumed", "budget left", "burn rate", "result"],
        [.. result.Variants.SelectMany(v => v.Slos.Select(s => (IReadOnlyList<string>)[
            v.Name,
            s.Name,
            s.ThresholdMs is { } t ? $"{Formats.Number(s.Objective)}% within {Formats.Latency(t)}" : $"{Formats.Number(s.Objective)}% available",
            s.Sli is { } sli ? sli.ToString("0.####", CultureInfo.InvariantCulture) + "%" : "nothing measured",
            s.BudgetConsumed is { } consumed ? Formats.Percent(consumed) : "–",
            s.BudgetRemaining is { } left ? Formats.Percent(left) : "–",
            s.BurnRate is { } burn ? Formats.Number(burn) + "×" : "–",
            (s.Passed ? "pass" : "FAIL") + (s.TrialsFailed > 0 ? $" (missed in {s.TrialsFailed} of {s.Trials} trials)" : "")]))]);

    private static string Dollars(double? value) => value is { } v ? Formats.Dollars(v) : "–";

    private static string Kebab<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}

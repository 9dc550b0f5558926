using Assay.Core.Results;
using Assay.Core.Statistics;
using Assay.Testing;

namespace Assay.Core.Tests.History;

/// <summary>Run results whose KPI trial values are given by hand, on one builder-made run (one variant, nginx).</summary>
internal static class HistoryRuns
{
    private static readonly RunResult Template = new RunResultBuilder { Variants = ["nginx"], Trials = 1, MeasuredSeconds = 2, RatePerSecond = 50 }.Build();

    private static readonly DateTimeOffset Day = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Run number <paramref name="n"/> (later runs have larger numbers), its nginx KPIs as given.</summary>
    public static RunResult Run(int n, params (string Kpi, double[] Trials)[] kpis) => Template with
    {
        RunId = $"run-{n:00}",
        StartedAt = Day.AddHours(n),
        Trials = kpis.Length == 0 ? 1 : kpis[0].Trials.Length,
        Variants = [Template.Variants[0] with { Kpis = kpis.ToDictionary(k => k.Kpi, k => KpiSummary.Of(k.Trials), StringComparer.Ordinal) }],
    };

    /// <summary>Runs 1…count, newest first, each measuring throughput with the trials <paramref name="trialsOf"/> gives for it.</summary>
    public static List<RunResult> Throughputs(int count, Func<int, double[]> trialsOf) =>
        [.. Enumerable.Range(1, count).Reverse().Select(n => Run(n, ("throughput", trialsOf(n))))];
}

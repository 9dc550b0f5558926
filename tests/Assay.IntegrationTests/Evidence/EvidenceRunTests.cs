using System.Text.Json.Nodes;
using Assay.Testing;

namespace Assay.IntegrationTests.Evidence;

/// <summary>
/// A two-variant experiment with five trials each, run by the real CLI against the real demo-app: the evidence in
/// result.json (KPIs, cost, SLOs, comparisons, the hypothesis) must be present and follow from the trials' own
/// figures and usage samples stored beside it.
/// </summary>
public sealed class EvidenceRunTests : IDisposable
{
    private readonly LabFolder _lab = new();

    [Fact(Timeout = 240_000)]
    public async Task Comparisons_costs_and_verdicts_follow_from_the_trials()
    {
        var experiment = RepoPaths.Of("tests", "Assay.IntegrationTests", "Evidence", "evidence-check.yaml");
        var (code, cli) = await _lab.RunAsync(TimeSpan.FromSeconds(220), "run", experiment);

        Assert.True(code == 0, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        var path = _lab.ResultPath(runId);
        Assert.Empty(ResultContract.Problems(await File.ReadAllTextAsync(path)));
        if (ResultContract.RunCheckResultTool(path, "--evidence") is { } tool) Assert.True(tool.ExitCode == 0, tool.Output);
        var result = _lab.Result(runId);
        var json = Variant(result, "json");
        var compute = Variant(result, "compute");

        // KPIs: one value per trial, each the trial's own figure, in trial order.
        foreach (var variant in new[] { json, compute })
        {
            var trials = variant["trialResults"]!.AsArray();
            Assert.Equal(5, trials.Count);
            var throughput = variant["kpis"]!["throughput"]!;
            Assert.Equal(trials.Select(t => (double)t!["workload"]!["throughput"]!), Numbers(throughput["trials"]));
            Assert.Equal(Median(Numbers(throughput["trials"])), (double)throughput["median"]!, 9);
            // Each trial's throughput is what its per-second series adds up to over its window.
            foreach (var trial in trials)
            {
                var succeeded = trial!["series"]!["workload"]!.AsArray().Sum(s => (long)s!["succeeded"]!);
                Assert.Equal((double)trial["workload"]!["throughput"]!, succeeded / (double)trial["workload"]!["windowSeconds"]!, 6);
            }
        }

        // Cost: a 1-core request on a priced node, charged max(request, usage) over the window.
        foreach (var variant in new[] { json, compute })
        {
            var cost = variant["cost"]!;
            Assert.Equal("gcp/e2-standard-4", (string?)cost["node"]);
            Assert.Equal("max-request-usage", (string?)cost["allocation"]);
            var web = cost["components"]!.AsArray().Single(c => (string?)c!["name"] == "web")!;
            var windowHours = Median(variant["trialResults"]!.AsArray().Select(t => (double)t!["workload"]!["windowSeconds"]!)) / 3600;
            Assert.InRange((double)web["cpuCoreHours"]!, 0.95 * windowHours, 1.1 * windowHours);
            Assert.True((double)cost["total"]! > 0);
            Assert.Equal((double)variant["kpis"]!["cost_per_million"]!["median"]!, (double)cost["perMillion"]!, 9);
            var slo = Assert.Single(variant["slos"]!.AsArray())!;
            Assert.True((bool)slo["passed"]!);
            Assert.Equal(100, (double)slo["sli"]!, 6);
        }
        // Serving fewer requests on the same reserved core costs more per request.
        Assert.True((double)compute["cost"]!["perMillion"]! > (double)json["cost"]!["perMillion"]!);

        // The throughput comparison: the Hodges–Lehmann ratio of the stored trial values, judged worse.
        var comparison = result["comparisons"]!.AsArray()
            .Single(c => (string?)c!["kpi"] == "throughput" && (string?)c["baseline"] == "json" && (string?)c["candidate"] == "compute")!;
        var ratios = Numbers(json["kpis"]!["throughput"]!["trials"])
            .SelectMany(x => Numbers(compute["kpis"]!["throughput"]!["trials"]).Select(y => y / x)).ToList();
        // Hodges–Lehmann on the log scale: the median of the pairwise log ratios (an even count averages the middle two logs).
        Assert.Equal(Math.Exp(Median(ratios.Select(r => Math.Log(r)))), (double)comparison["ratio"]!, 9);
        Assert.InRange((double)comparison["ciLow"]!, ratios.Min(), (double)comparison["ratio"]!);
        Assert.InRange((double)comparison["ciHigh"]!, (double)comparison["ratio"]!, ratios.Max());
        Assert.True((double)comparison["confidence"]! >= 0.95);
        Assert.Equal("worse", (string?)comparison["verdict"]);

        // The hypothesis: the ratio's whole interval is under 0.9, and no variant had errors.
        var hypothesis = result["hypothesis"]!;
        Assert.Equal("validated", (string?)hypothesis["verdict"]);
        var ratio = hypothesis["criteria"]![0]!;
        Assert.True((bool)ratio["passed"]!);
        Assert.Equal((double)comparison["ciHigh"]!, (double)ratio["ciHigh"]!, 9);
        Assert.True((double)ratio["ciHigh"]! < 0.9);

        foreach (var text in new[] { "KPIs across trials", "Cost on gcp/e2-standard-4", "SLOs", "Comparisons", "Hypothesis", "validated" })
            Assert.Contains(text, cli.Output, StringComparison.Ordinal);
    }

    private static JsonNode Variant(JsonObject result, string name) =>
        result["variants"]!.AsArray().Single(v => (string?)v!["name"] == name)!;

    private static List<double> Numbers(JsonNode? array) => [.. array!.AsArray().Select(n => (double)n!)];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public void Dispose() => _lab.Dispose();
}

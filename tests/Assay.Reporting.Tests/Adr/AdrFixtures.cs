using Assay.Core.Results;
using Assay.Testing;

namespace Assay.Reporting.Tests.Adr;

/// <summary>The two runs the ADR drafts are checked on: one whose evidence decides, one whose evidence does not.</summary>
internal static class AdrFixtures
{
    /// <summary>Five trials each: caddy's latencies are about 15% above nginx's, beyond the ±5% margin (80% intervals, as the builder's evidence compares).</summary>
    public static RunResult Decisive() => new RunResultBuilder { WithEvidence = true, Trials = 5 }.Build();

    /// <summary>Two trials each: too few for the evidence's 80% interval, and a hypothesis that could not be judged.</summary>
    public static RunResult Inconclusive() => new RunResultBuilder
    {
        WithEvidence = true,
        Trials = 2,
        Hypothesis = new HypothesisResult(
            "caddy is as fast as nginx",
            ["Does caddy's p99 stay within 5% of nginx's?"],
            ["latency"],
            "insufficient",
            [new CriterionResult("ratio(caddy/nginx, latency_p99_ms) < 1.05", 1.16, 1.12, 1.21, null,
                "2 and 2 trials reach at most 66.67% confidence; 80% needs at least 3 trials of each variant.")]),
    }.Build();
}

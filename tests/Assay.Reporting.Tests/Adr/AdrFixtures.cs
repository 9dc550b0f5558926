using Assay.Core.Results;
using Assay.Testing;

namespace Assay.Reporting.Tests.Adr;

/// <summary>The two runs the ADR drafts are checked on: one whose evidence decides, one whose evidence does not.</summary>
internal static class AdrFixtures
{
    /// <summary>Five trials each: caddy's latencies are about 15% above nginx's, beyond the ±5% margin.</summary>
    public static RunResult Decisive() => new RunResultBuilder { Analyzed = true, Trials = 5 }.Build();

    /// <summary>Three trials each: too few for a 95% interval, and a hypothesis that could not be judged.</summary>
    public static RunResult Inconclusive() => new RunResultBuilder
    {
        Analyzed = true,
        Trials = 3,
        Hypothesis = new HypothesisResult(
            "caddy is as fast as nginx",
            ["Does caddy's p99 stay within 5% of nginx's?"],
            ["latency"],
            "insufficient",
            [new CriterionResult("ratio(caddy/nginx, latency_p99_ms) < 1.05", 1.16, 1.12, 1.21, null,
                "3 and 3 trials reach at most 90% confidence; 95% needs at least 4 trials of each variant.")]),
    }.Build();
}

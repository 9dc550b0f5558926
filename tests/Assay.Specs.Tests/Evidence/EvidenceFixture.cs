namespace Assay.Specs.Tests.Evidence;

/// <summary>A valid two-variant experiment that uses every evidence field; tests replace parts of it. Line numbers matter.</summary>
internal static class EvidenceFixture
{
    public const string Yaml = """
        apiVersion: assay.dev/v1alpha1
        kind: Experiment
        metadata:
          name: evidence
        spec:
          hypothesis:
            claim: the fast variant serves more
            successCriteria:
              - {metric: error_ratio, operator: lt, value: 0.01}
              - {metric: throughput, variant: fast, baseline: slow, operator: gte, value: 1.1}
          variants:
            - name: slow
              components: [{name: web, uses: demo-app}]
            - name: fast
              components: [{name: web, uses: demo-app}]
          workload:
            driver: http
            target: web
            model: {type: open, rate: 100/s}
            duration: 5s
            requests:
              - {name: index, path: /}
              - {name: health, path: /health}
            capacity: {slo: latency, start: 50/s, max: 2000/s, precision: 10%, stepDuration: 3s}
          comparison: {baseline: slow, margin: 10%, confidence: 0.9}
          cost:
            node: gcp/e2-standard-4
            market: on-demand
            allocation: usage
            projection: {rate: 10000/s}
          slos:
            - {name: availability, objective: 99.9}
            - {name: latency, objective: 99, threshold: 50ms, operation: index}
        """;

    /// <summary><see cref="Yaml"/> with one exact piece replaced, failing loudly when the piece is not there.</summary>
    public static string With(string piece, string replacement) => Fixtures.Replace(Yaml, piece, replacement);
}

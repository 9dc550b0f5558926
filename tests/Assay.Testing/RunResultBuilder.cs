using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Core.Results;
using Assay.Core.Statistics;
using Assay.Core.Thresholds;
using Assay.Engine.Storage;

namespace Assay.Testing;

/// <summary>
/// A realistic run result for tests, made the way the engine makes one: seeded latencies recorded into
/// <see cref="LatencyHistogram"/>s per request of an HTTP mix, per-second counts, sampled CPU and memory
/// of every component replica, interleaved trials, parsed thresholds, all summarised by
/// <see cref="ResultBuilder"/>. The same settings always give the same result.
/// </summary>
public sealed record RunResultBuilder
{
    public string RunId { get; init; } = "20261127-042613-http-baseline-3f2a";

    public string Experiment { get; init; } = "http-baseline";

    public string Title { get; init; } = "HTTP baseline: nginx or caddy in front of the demo app";

    public DateTimeOffset StartedAt { get; init; } = new(2026, 11, 27, 4, 26, 13, TimeSpan.Zero);

    /// <summary>Each variant deploys a proxy named like the variant (two replicas) in front of one demo-app.</summary>
    public IReadOnlyList<string> Variants { get; init; } = ["nginx", "caddy"];

    public int Trials { get; init; } = 3;

    public int MeasuredSeconds { get; init; } = 10;

    public double RatePerSecond { get; init; } = 400;

    public int Seed { get; init; } = 20261127;

    /// <summary>k6-style thresholds as <c>(metric key, expression)</c>.</summary>
    public IReadOnlyList<(string Key, string Expression)> Thresholds { get; init; } =
    [
        ("http_req_duration", "p(99)<250ms"),
        ("http_req_duration{request:echo}", "p(95)<100"),
        ("http_req_failed", "rate<0.01"),
        ("http_reqs", "count>100"),
    ];

    public IReadOnlyList<RunIssue> Issues { get; init; } = [];

    /// <summary>
    /// Adds what the run's analysis adds (off by default, so results other tests compare stay as they were): every
    /// KPI across trials, cost on a priced node, an availability and a latency SLO, and the comparisons of the
    /// variants, so that every section of a report has something to show.
    /// </summary>
    public bool WithEvidence { get; init; }

    /// <summary>The hypothesis as judged; by default a validated one about caddy and nginx.</summary>
    public HypothesisResult? Hypothesis { get; init; } = DefaultHypothesis;

    /// <summary>Opt-in: multiplies every latency of every variant, e.g. 1.6 for a run that regressed.</summary>
    public double LatencyScale { get; init; } = 1;

    private static readonly HypothesisResult DefaultHypothesis = new(
        "caddy serves within 10% of nginx's throughput at a p99 under 250 ms",
        ["Is caddy's p99 under 250 ms at 400 requests/s?"],
        ["throughput", "latency"],
        "validated",
        [new CriterionResult("caddy over nginx: throughput ratio >= 0.9", 0.97, 0.93, 1.01, true, null),
         new CriterionResult("caddy: latency_p99_ms < 250", 180, 170, 195, true, null)]);

    private const int WarmUpSeconds = 2;
    private const double SampleIntervalSeconds = 0.5;
    private static readonly (string Name, double Weight, double MedianMs)[] Mix = [("home", 0.7, 1.8), ("health", 0.2, 0.6), ("echo", 0.1, 2.5)];

    public RunResult Build()
    {
        var thresholds = ParseThresholds();
        var trialsByVariant = Variants.ToDictionary(v => v, _ => new List<TrialSummary>());
        var outcomesByVariant = Variants.ToDictionary(v => v, _ => new List<TrialOutcome>());
        var at = StartedAt.AddSeconds(1);
        for (var trial = 1; trial <= Trials; trial++)
        {
            // Interleaved as the engine runs them: A B, then B A, …
            var order = trial % 2 == 1 ? Variants : Variants.Reverse();
            foreach (var variant in order)
            {
                var outcome = Outcome(trial, variant, at);
                trialsByVariant[variant].Add(ResultBuilder.SummarizeTrial(outcome, thresholds, HttpWorkloadPlan.DriverName));
                outcomesByVariant[variant].Add(outcome);
                at += outcome.Duration + TimeSpan.FromSeconds(3);
            }
        }
        var variants = Variants.Select(v => ResultBuilder.SummarizeVariant(v, trialsByVariant[v], thresholds)).ToList();
        IReadOnlyList<Comparison> comparisons = [];
        if (WithEvidence)
        {
            variants = [.. variants.Select(v => EvidenceFixture.Add(v, outcomesByVariant[v.Name]))];
            comparisons = EvidenceFixture.Compare(variants);
        }
        var passed = variants.All(v => v.Status == RunStatus.Passed) && Issues.Count == 0;
        return new RunResult(
            RunResult.CurrentSchemaVersion,
            RunId,
            Experiment,
            Title,
            passed ? RunStatus.Passed : RunStatus.Failed,
            passed ? null : "a threshold failed or a problem was recorded",
            StartedAt,
            at,
            Trials,
            Parameters(),
            new EnvironmentInfo(
                "local",
                ResourceAccounting.CgroupV2.ToText(),
                new MachineInfo("lab-n100", "Debian GNU/Linux 12 (bookworm)", "6.1.0-26-amd64", "Intel(R) N100", 4, 16L << 30),
                "0.1.0",
                "10.0.0",
                new PlacementPlan("0", "1-3"),
                SampleIntervalSeconds)
            {
                Technologies = new Dictionary<string, string> { ["caddy"] = "v2.6.2", ["nginx"] = "nginx version: nginx/1.22.1" },
            },
            variants,
            Issues,
            ["CPU frequency scaling is on (governor: powersave); figures may vary between trials"],
            Hypothesis,
            $"experiments/{Experiment}/experiment.yaml")
        {
            Comparisons = comparisons,
        };
    }

    /// <summary>The record the engine would have begun this run with.</summary>
    public RunRecord BuildRecord() => new(
        RunId,
        Experiment,
        Title,
        StartedAt,
        $".assay/runs/{RunId}",
        $"experiments/{Experiment}/experiment.yaml",
        $"apiVersion: assay.dev/v1alpha1\nkind: Experiment\nmetadata:\n  name: {Experiment}\nspec:\n  trials: {Trials}\n",
        Parameters());

    private Dictionary<string, string> Parameters() => new()
    {
        ["rate"] = RatePerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["duration"] = $"{MeasuredSeconds}s",
    };

    private List<ThresholdPlan> ParseThresholds()
    {
        var plans = new List<ThresholdPlan>();
        foreach (var (key, expression) in Thresholds)
        {
            if (!ThresholdParser.TryParseKey(key, out var metric, out var tag, out var error)
                || MetricCatalog.Find(HttpWorkloadPlan.DriverName, metric) is not { } definition
                || ThresholdParser.Parse(metric, tag, definition.Kind, expression, null, out error) is not { } plan)
                throw new ArgumentException($"Threshold '{key}: {expression}' does not parse: {error}");
            plans.Add(plan);
        }
        return plans;
    }

    private TrialOutcome Outcome(int trial, string variant, DateTimeOffset startedAt)
    {
        var variantIndex = Variants.ToList().IndexOf(variant);
        // Not HashCode.Combine: it is seeded per process, and the same settings must give the same result everywhere.
        var random = new Random(unchecked(Seed + trial * 7919 + variantIndex * 104_729));
        var total = (long)(RatePerSecond * MeasuredSeconds);
        var slowdown = (1 + 0.15 * variantIndex + 0.05 * random.NextDouble()) * LatencyScale;

        var operations = new List<OperationMeasurement>();
        foreach (var (name, weight, medianMs) in Mix)
        {
            var count = (long)Math.Round(total * weight);
            var failed = name == "echo" ? random.Next(0, 3) : 0;
            var histogram = LatencyHistogram.Create();
            for (var i = 0; i < count; i++)
                histogram.RecordMicroseconds((long)(LogNormalMs(random, medianMs * slowdown) * 1000));
            var statuses = new Dictionary<int, long> { [200] = count - failed };
            if (failed > 0) statuses[500] = failed;
            operations.Add(new OperationMeasurement(name, count, failed, histogram, statuses));
        }
        var failures = operations.Sum(o => o.Failed);
        var workload = new WorkloadMeasurement(
            "requests",
            TimeSpan.FromSeconds(MeasuredSeconds),
            operations,
            PerSecond(operations.Sum(o => o.Total) - failures, failures),
            failures > 0 ? new Dictionary<string, long> { ["status 500"] = failures } : new Dictionary<string, long>(),
            new ScheduleMeasurement(RatePerSecond, total, total, random.Next(0, 4), 0, 0.35, 2.4, 0.01));

        List<ComponentUsage> components = [Usage(variant, 0, 0.20, 9 << 20, random), Usage(variant, 1, 0.19, 9 << 20, random), Usage("demo-app", 0, 0.45, 48 << 20, random)];
        var loadGenerator = new ComponentUsage("load-generator", 0, 2.1 + random.NextDouble() * 0.2, 0.22, 61 << 20, 58 << 20, []);
        var duration = TimeSpan.FromSeconds(WarmUpSeconds + MeasuredSeconds + 1.5);
        return new TrialOutcome(trial, variant, RunStatus.Passed, startedAt, duration, workload, components, loadGenerator, null);
    }

    private List<SecondCount> PerSecond(long succeeded, long failed) =>
        [.. Enumerable.Range(0, MeasuredSeconds).Select(s => new SecondCount(s, Share(succeeded, s), Share(failed, s)))];

    /// <summary>An even split of a count over the seconds, the remainder going to the first seconds, so the series sums to the count.</summary>
    private long Share(long count, int second) => count / MeasuredSeconds + (second < count % MeasuredSeconds ? 1 : 0);

    private ComponentUsage Usage(string component, int replica, double cores, long memoryBytes, Random random)
    {
        var samples = new List<UsageSample>();
        double cpu = 0;
        for (var t = 0.0; t <= WarmUpSeconds + MeasuredSeconds + 1e-9; t += SampleIntervalSeconds)
        {
            samples.Add(new UsageSample(t, Math.Round(cpu, 6), memoryBytes + random.Next(0, 1 << 20)));
            cpu += cores * SampleIntervalSeconds * (0.9 + 0.2 * random.NextDouble());
        }
        var window = samples.Where(s => s.OffsetSeconds >= WarmUpSeconds).ToList();
        var cpuSeconds = window[^1].CpuSeconds - window[0].CpuSeconds;
        return new ComponentUsage(
            component,
            replica,
            cpuSeconds,
            cpuSeconds / MeasuredSeconds,
            window.Max(s => s.MemoryBytes),
            (long)window.Average(s => s.MemoryBytes),
            samples);
    }

    /// <summary>A log-normal latency (σ = 0.35) around a median: the long right tail real services have.</summary>
    private static double LogNormalMs(Random random, double medianMs)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return medianMs * Math.Exp(0.35 * normal);
    }
}

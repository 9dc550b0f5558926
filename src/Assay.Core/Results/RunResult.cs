using Assay.Core.Cost;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Core.Slo;
using Assay.Core.Statistics;
using Assay.Core.Thresholds;

namespace Assay.Core.Results;

/// <summary>
/// The result document of one run (<c>result.json</c>), as documented in docs/result-schema.md.
/// Variant-level figures are medians across trials; every trial's own figures are kept beside them.
/// </summary>
public sealed record RunResult(
    int SchemaVersion,
    string RunId,
    string Experiment,
    string Title,
    RunStatus Status,
    string? Message,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int Trials,
    IReadOnlyDictionary<string, string> Parameters,
    EnvironmentInfo Environment,
    IReadOnlyList<VariantResult> Variants,
    IReadOnlyList<RunIssue> Errors,
    IReadOnlyList<string> Warnings,
    HypothesisResult? Hypothesis,
    string ExperimentFile)
{
    public const int CurrentSchemaVersion = 1;

    public double DurationSeconds => (EndedAt - StartedAt).TotalSeconds;

    /// <summary>Every comparison of the run (each pair, or each against the baseline), Holm-corrected together.</summary>
    public IReadOnlyList<Comparison> Comparisons { get; init; } = [];
}

/// <summary>Where a run happened and how it measured.</summary>
/// <param name="ResourceAccounting"><c>cgroup-v2</c>, <c>cgroup-v1</c> or <c>procfs</c>.</param>
public sealed record EnvironmentInfo(
    string Runtime,
    string ResourceAccounting,
    MachineInfo Machine,
    string AssayVersion,
    string DotnetVersion,
    PlacementPlan Placement,
    double SampleIntervalSeconds)
{
    /// <summary>Each deployed catalog entry's version, as its binary prints it (<c>redis-server --version</c>…); entries without a version command are absent.</summary>
    public IReadOnlyDictionary<string, string> Technologies { get; init; } = new Dictionary<string, string>();
}

public sealed record MachineInfo(string Hostname, string Os, string Kernel, string CpuModel, int LogicalCpus, long MemoryBytes);

/// <summary>A problem that ended or spoiled part of a run, with where it happened and the log tail that explains it.</summary>
public sealed record RunIssue(string Phase, string? Variant, int? Trial, string? Component, string Message, string? LogTail);

/// <summary>One candidate's outcome across its trials.</summary>
public sealed record VariantResult(
    string Name,
    RunStatus Status,
    WorkloadSummary Workload,
    IReadOnlyList<ComponentSummary> Components,
    ComponentSummary? LoadGenerator,
    IReadOnlyList<ThresholdOutcome> Thresholds,
    IReadOnlyList<TrialSummary> TrialResults)
{
    /// <summary>Each KPI across trials (throughput, latency_p99_ms, cost_per_million…).</summary>
    public IReadOnlyDictionary<string, KpiSummary> Kpis { get; init; } = new Dictionary<string, KpiSummary>();

    /// <summary>Cost on the priced node; null when the experiment prices nothing.</summary>
    public CostResult? Cost { get; init; }

    /// <summary>Each SLO across the trials (the median trial's figures; passed only when every trial passed).</summary>
    public IReadOnlyList<SloOutcome> Slos { get; init; } = [];

    /// <summary>The capacity found when the workload asked for a search.</summary>
    public CapacityResult? Capacity { get; init; }
}

/// <summary>Throughput, errors and latency of a measured window (or the median of several).</summary>
/// <param name="Throughput">Succeeded operations per second over the measured window.</param>
/// <param name="Requests">Operations that completed in the window, failed ones included.</param>
/// <param name="Errors">Operations that failed: unexpected status, timeout, connection error.</param>
public sealed record WorkloadSummary(
    string Unit,
    double Throughput,
    long Requests,
    long Errors,
    double ErrorRate,
    LatencySummary LatencyMs,
    double WindowSeconds,
    IReadOnlyList<RequestSummary> ByRequest,
    IReadOnlyDictionary<string, long> ErrorKinds,
    ScheduleMeasurement? Schedule,
    bool Valid,
    string? InvalidReason)
{
    /// <summary>A driver's own figures (messages lost, head series…); see <see cref="WorkloadMeasurement.Stats"/>.</summary>
    public IReadOnlyDictionary<string, double> Stats { get; init; } = new Dictionary<string, double>();
}

public sealed record RequestSummary(
    string Name,
    long Requests,
    long Errors,
    double Throughput,
    LatencySummary LatencyMs,
    IReadOnlyDictionary<string, long> Statuses);

/// <summary>CPU and memory a component (all its replicas together) used in the measured window.</summary>
/// <param name="StartupSeconds">Cold start: process start to first successful probe (the slowest replica).</param>
public sealed record ComponentSummary(
    string Name,
    int Replicas,
    double CpuSeconds,
    double CpuCoresAvg,
    long MemoryPeakBytes,
    long MemoryAvgBytes,
    double StartupSeconds = 0);

/// <summary>A threshold across trials: it passes only when it passed in every trial; Actual is the worst trial's value.</summary>
public sealed record ThresholdOutcome(string Expression, bool Passed, double? Actual, string Unit, int TrialsFailed);

/// <summary>One trial of one variant: fresh components, one measured window.</summary>
public sealed record TrialSummary(
    int Trial,
    RunStatus Status,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    WorkloadSummary? Workload,
    IReadOnlyList<ComponentSummary> Components,
    ComponentSummary? LoadGenerator,
    IReadOnlyList<ThresholdResult> Thresholds,
    string? Error,
    TrialSeries Series,
    IReadOnlyDictionary<string, string> Histograms);

/// <summary>Time series of a trial: per-second completions and each component instance's samples.</summary>
public sealed record TrialSeries(
    IReadOnlyList<SecondCount> Workload,
    IReadOnlyList<InstanceSeries> Components);

public sealed record InstanceSeries(string Component, int Replica, IReadOnlyList<UsageSample> Samples);

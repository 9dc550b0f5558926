using Assay.Core.Results;

namespace Assay.Engine.Storage;

/// <summary>
/// Where runs are kept: each run's phases as they happen, its time series as each trial ends, and its
/// result document when it completes. A run that never completes stays findable (status running) and
/// is marked aborted by the reaper.
/// </summary>
public interface IRunStore
{
    /// <summary>Records a run as started (status running), with the experiment text it ran.</summary>
    Task BeginRunAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>Appends a lifecycle phase; trial and variant are null for run-level phases.</summary>
    Task RecordPhaseAsync(string runId, int? trial, string? variant, RunPhase phase, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Stores one trial's time series: per-second completions and per-instance usage samples.</summary>
    Task RecordTrialSeriesAsync(string runId, int trial, string variant, TrialSeries series, CancellationToken cancellationToken);

    /// <summary>Stores the final result document and its indexed columns (status, end time, message).</summary>
    Task CompleteRunAsync(RunResult result, CancellationToken cancellationToken);

    /// <summary>Marks a run that was left running by a killed lab as aborted, with the reason.</summary>
    Task MarkAbortedAsync(string runId, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Runs, newest first, optionally of one experiment.</summary>
    Task<IReadOnlyList<RunListing>> ListRunsAsync(string? experiment, int limit, CancellationToken cancellationToken);

    /// <summary>Runs matching a query (experiment, status), newest first; the reaper asks for status running.</summary>
    Task<IReadOnlyList<RunListing>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// One run by id, or by a unique id prefix; null when none matches. An exact id wins over longer ids it
    /// prefixes; a prefix shared by several runs throws <see cref="AmbiguousRunIdException"/>.
    /// </summary>
    Task<StoredRun?> FindRunAsync(string idOrPrefix, CancellationToken cancellationToken);

    /// <summary>
    /// The stored time series of one trial of one variant, from the series tables (not the result
    /// document), ordered by second and by sample; empty lists when nothing was stored for it.
    /// </summary>
    Task<TrialSeries> GetTrialSeriesAsync(string runId, int trial, string variant, CancellationToken cancellationToken);

    /// <summary>Result documents of an experiment's completed runs, newest first: the history a new run is compared with.</summary>
    Task<IReadOnlyList<RunResult>> ListResultsAsync(string experiment, int limit, CancellationToken cancellationToken);
}

/// <summary>Which runs to list: null fields do not filter. <paramref name="Limit"/> must be positive.</summary>
public sealed record RunQuery(string? Experiment, RunStatus? Status, int Limit);

/// <summary>A run as it starts.</summary>
public sealed record RunRecord(
    string RunId,
    string Experiment,
    string Title,
    DateTimeOffset StartedAt,
    string Directory,
    string ExperimentFile,
    string ExperimentText,
    IReadOnlyDictionary<string, string> Parameters);

/// <summary>One line of <c>assay runs</c>.</summary>
public sealed record RunListing(
    string RunId,
    string Experiment,
    string Title,
    RunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? Message,
    IReadOnlyList<VariantHeadline> Variants);

/// <summary>A variant's headline figures for listings: throughput and p99.</summary>
public sealed record VariantHeadline(string Name, double Throughput, double P99Ms, RunStatus Status);

/// <summary>A stored run: its listing, phases, and the result document when it completed.</summary>
public sealed record StoredRun(
    RunListing Listing,
    string Directory,
    string ExperimentFile,
    string ExperimentText,
    IReadOnlyList<PhaseRecord> Phases,
    RunResult? Result);

public sealed record PhaseRecord(int? Trial, string? Variant, RunPhase Phase, DateTimeOffset At);

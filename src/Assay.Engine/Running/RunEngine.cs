using System.Globalization;
using Assay.Core.Analysis;
using Assay.Core.Plans;
using Assay.Core.Results;
using Assay.Engine.Capacity;
using Assay.Engine.Events;
using Assay.Engine.Storage;

namespace Assay.Engine.Running;

/// <summary>
/// Runs an experiment: every trial of every variant in interleaved order, then the analysis, then the
/// result stored. One straight pipeline; whatever happens to a trial, what it measured is kept and the
/// run ends with a stored result (passed, failed, error or cancelled).
/// </summary>
public sealed class RunEngine(TrialRunner trials, IRunStore store, TimeProvider time)
{
    public async Task<RunResult> RunAsync(ExperimentPlan plan, RunContext context, IProgress<RunEvent> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(progress);
        var startedAt = time.GetUtcNow();
        await store.BeginRunAsync(
            new RunRecord(context.RunId, plan.Info.Name, plan.Info.Title, startedAt, context.Directory,
                plan.Source.Path, plan.Source.Text, plan.Parameters),
            cancellationToken);
        await PhaseAsync(context.RunId, RunPhase.Pending, progress);

        var trialsOf = plan.Variants.ToDictionary(v => v.Name, v => new VariantTrials(v));
        var issues = new List<RunIssue>();
        var cancelled = false;
        var schedule = TrialSchedule.Interleaved(plan.Variants, plan.Trials);
        for (var i = 0; i < schedule.Count; i++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }
            var slot = schedule[i];
            progress.Report(new TrialStarted(time.GetUtcNow(), slot.Trial, slot.Variant.Name, i + 1, schedule.Count));
            var run = await trials.RunAsync(plan, slot, context, progress, cancellationToken);
            var summary = ResultBuilder.SummarizeTrial(run.Outcome, slot.Variant.Thresholds, slot.Variant.Workload.Driver);
            trialsOf[slot.Variant.Name].Add(summary, run.Outcome);
            await store.RecordTrialSeriesAsync(context.RunId, slot.Trial, slot.Variant.Name, summary.Series, CancellationToken.None);
            progress.Report(new TrialEnded(time.GetUtcNow(), summary, slot.Variant.Name));
            if (run.Issue is not null) issues.Add(run.Issue);
            if (run.Outcome.Status == RunStatus.Cancelled)
            {
                cancelled = true;
                break;
            }
            // A component that fails fails the run: later trials would measure a broken setup.
            if (run.Outcome.Status == RunStatus.Error) break;
        }

        // The capacity search runs after the trials, each variant in turn, only when every trial ran.
        var capacities = new Dictionary<string, CapacityResult>();
        if (plan.Capacity is not null && !cancelled && issues.Count == 0)
        {
            var searcher = new CapacityRunner(trials, time);
            foreach (var variant in plan.Variants)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }
                capacities[variant.Name] = await searcher.SearchAsync(plan, variant, context, progress, cancellationToken);
            }
        }

        await PhaseAsync(context.RunId, RunPhase.Analyzing, progress);
        var measured = plan.Variants.Select(v => trialsOf[v.Name]).Where(t => t.Summaries.Count > 0).ToList();
        var evidence = RunAnalysis.Analyze(plan, [.. measured.Select(t => new VariantOutcomes(t.Plan, t.Outcomes))]);
        var variants = measured
            .Select(t => WithEvidence(ResultBuilder.SummarizeVariant(t.Plan.Name, t.Summaries, t.Plan.Thresholds), evidence.Variants.Single(e => e.Variant == t.Plan.Name))
                with { Capacity = capacities.GetValueOrDefault(t.Plan.Name) })
            .ToList();
        var status = cancelled ? RunStatus.Cancelled
            : issues.Count > 0 || variants.Any(v => v.Status == RunStatus.Error) ? RunStatus.Error
            : variants.Count == 0 || variants.Any(v => v.Status != RunStatus.Passed) ? RunStatus.Failed
            : RunStatus.Passed;
        var warnings = variants
            .Where(v => !v.Workload.Valid && v.Workload.InvalidReason is not null)
            .Select(v => $"{v.Name}: measurement invalid: {v.Workload.InvalidReason}")
            .Concat(evidence.Variants.SelectMany(e => e.Excluded.Select(x => $"{e.Variant}: left out of the KPIs: {x}")))
            .Concat(evidence.Variants
                .Select(e => (e.Variant, Varying: e.Kpis.Where(k => k.Value.HighVariation).ToList()))
                .Where(v => v.Varying.Count > 0)
                .Select(v => string.Create(CultureInfo.InvariantCulture,
                    $"{v.Variant}: trials vary by more than 10% on {string.Join(", ", v.Varying.Select(k => $"{k.Key} ({k.Value.Cv:P0})"))}; comparisons on them may be inconclusive")))
            .ToList();
        var result = new RunResult(
            RunResult.CurrentSchemaVersion,
            context.RunId,
            plan.Info.Name,
            plan.Info.Title,
            status,
            Message(status, issues, variants),
            startedAt,
            time.GetUtcNow(),
            plan.Trials,
            plan.Parameters,
            context.Environment,
            variants,
            issues,
            warnings,
            evidence.Hypothesis,
            plan.Source.Path)
        {
            Comparisons = [.. evidence.Comparisons.Where(c => c.Ratio is not null)],
        };

        await store.CompleteRunAsync(result, CancellationToken.None);
        await PhaseAsync(context.RunId, status switch
        {
            RunStatus.Passed or RunStatus.Failed => RunPhase.Complete,
            RunStatus.Cancelled => RunPhase.Cancelled,
            _ => RunPhase.Failed,
        }, progress);
        return result;
    }

    private static string? Message(RunStatus status, IReadOnlyList<RunIssue> issues, IReadOnlyList<VariantResult> variants) => status switch
    {
        RunStatus.Cancelled => "cancelled; what was measured until then is kept",
        RunStatus.Error when issues.Count > 0 => issues[0].Component is { } c ? $"{c}: {issues[0].Message}" : issues[0].Message,
        RunStatus.Failed => string.Join("; ", variants
            .SelectMany(v => v.Thresholds.Where(t => !t.Passed).Select(t => $"{v.Name}: threshold {t.Expression} failed"))
            .Concat(variants.SelectMany(v => v.Slos.Where(s => !s.Passed).Select(s => $"{v.Name}: SLO {s.Name} missed")))
            .Concat(variants.Where(v => !v.Workload.Valid).Select(v => $"{v.Name}: measurement invalid"))),
        _ => null,
    };

    /// <summary>A variant's summary with its evidence; a missed SLO fails the variant as a failed threshold does.</summary>
    private static VariantResult WithEvidence(VariantResult variant, VariantEvidence evidence) => variant with
    {
        Status = variant.Status == RunStatus.Passed && evidence.Slos.Any(s => !s.Passed) ? RunStatus.Failed : variant.Status,
        Kpis = evidence.Kpis,
        Cost = evidence.Cost,
        Slos = evidence.Slos,
    };

    private async Task PhaseAsync(string runId, RunPhase phase, IProgress<RunEvent> progress)
    {
        var at = time.GetUtcNow();
        await store.RecordPhaseAsync(runId, null, null, phase, at, CancellationToken.None);
        progress.Report(new PhaseChanged(at, phase, null, null));
    }
}

/// <summary>What one variant's trials gave so far: each trial's summary and the outcome it was made from, in trial order.</summary>
internal sealed class VariantTrials(VariantPlan plan)
{
    private readonly List<TrialSummary> _summaries = [];
    private readonly List<TrialOutcome> _outcomes = [];

    public VariantPlan Plan => plan;

    public IReadOnlyList<TrialSummary> Summaries => _summaries;

    public IReadOnlyList<TrialOutcome> Outcomes => _outcomes;

    public void Add(TrialSummary summary, TrialOutcome outcome)
    {
        _summaries.Add(summary);
        _outcomes.Add(outcome);
    }
}

using System.Globalization;
using Assay.Core.Capacity;
using Assay.Core.Cost;
using Assay.Core.Plans;
using Assay.Core.Results;
using Assay.Engine.Events;
using Assay.Engine.Running;

namespace Assay.Engine.Capacity;

/// <summary>
/// Runs a variant's capacity search (<c>workload.capacity</c>): every rate <see cref="CapacitySearch"/> proposes is
/// one short measured run of the variant at that open-model rate, on fresh components, in a folder of its own
/// (<c>capacity-step-N</c>). A step passes when its run had no error, its measurement is valid and the SLO was met
/// (<see cref="CapacityStepJudge"/>). Cancellation ends the search with what was found so far.
/// </summary>
public sealed class CapacityRunner(TrialRunner trials, TimeProvider time)
{
    /// <summary>
    /// Step N runs as trial <c>StepTrialBase + N</c>, so its phases in the store and the runtime's resource groups
    /// (named after the trial) never collide with the experiment's own trials.
    /// </summary>
    public const int StepTrialBase = 1000;

    public async Task<CapacityResult> SearchAsync(
        ExperimentPlan plan, VariantPlan variant, RunContext context, IProgress<RunEvent> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(progress);
        var capacity = plan.Capacity
            ?? throw new ArgumentException($"Experiment '{plan.Info.Name}' asks for no capacity search: call SearchAsync only when plan.Capacity is set.", nameof(plan));
        var slo = plan.Slos.FirstOrDefault(s => s.Name == capacity.Slo)
            ?? throw new ArgumentException(
                $"The capacity search of '{plan.Info.Name}' names SLO '{capacity.Slo}', which its slos do not define: the resolver must check workload.capacity.slo.",
                nameof(plan));
        var variantIndex = IndexOf(plan, variant);

        var search = CapacitySearch.For(capacity);
        var steps = new List<CapacityStep>();
        (VariantPlan Variant, TrialOutcome Outcome)? best = null;
        string? cancelled = null;
        while (search.NextRate() is { } rate)
        {
            var number = steps.Count + 1;
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = Cancelled(search, steps.Count, null);
                break;
            }
            var stepVariant = variant with { Workload = CapacityWorkload.AtRate(variant.Workload, rate, capacity.StepDuration) };
            var slot = new ScheduledTrial(StepTrialBase + number, stepVariant, variantIndex) { Folder = $"capacity-step-{number}" };
            progress.Report(new CapacityStepStarted(time.GetUtcNow(), variant.Name, slo.Name, number, rate));
            var run = await trials.RunAsync(plan, slot, context, progress, cancellationToken);
            if (run.Outcome.Status == RunStatus.Cancelled || cancellationToken.IsCancellationRequested)
            {
                // A step cut short measured too little to judge: it is left out rather than counted as a failure.
                cancelled = Cancelled(search, steps.Count, rate);
                break;
            }

            var step = CapacityStepJudge.Judge(rate, slo, run.Outcome);
            steps.Add(step);
            search.Record(rate, step.Passed);
            if (step.Passed && rate == search.HighestPass) best = (stepVariant, run.Outcome);
            progress.Report(new CapacityStepEnded(time.GetUtcNow(), variant.Name, number, step, slo.Objective));
        }

        return new CapacityResult(slo.Name, search.Rate, steps, CostPerMillion(plan, best))
        {
            FailedRate = search.LowestFail,
            Note = cancelled ?? search.Note,
        };
    }

    /// <summary>The cost per million operations of the step at the rate found, priced like a trial.</summary>
    private static double? CostPerMillion(ExperimentPlan plan, (VariantPlan Variant, TrialOutcome Outcome)? best)
    {
        // The window's offsets are the usage monitor's marks, as for a trial: a step that passed always opened its window.
        if (plan.Cost is not { } cost || plan.Pricing is not { } pricing || best is not { } step || step.Outcome.UsageWindow is not { } window) return null;
        var input = TrialCostInput.From(step.Variant, step.Outcome, window);
        return CostCalculator.Trial(pricing, cost, input).PerMillion;
    }

    private static string Cancelled(CapacitySearch search, int completed, double? during)
    {
        var where = during is { } rate ? $" during the step at {Text(rate)}/s" : "";
        var found = search.HighestPass is { } pass
            ? search.LowestFail is { } fail ? $"between {Text(pass)} and {Text(fail)}/s" : $"at least {Text(pass)}/s"
            : search.LowestFail is { } below ? $"below {Text(below)}/s" : "unknown";
        return $"cancelled{where} after {completed} completed step(s): the capacity is {found}";
    }

    private static int IndexOf(ExperimentPlan plan, VariantPlan variant)
    {
        for (var i = 0; i < plan.Variants.Count; i++)
        {
            if (plan.Variants[i].Name == variant.Name) return i;
        }
        throw new ArgumentException($"Variant '{variant.Name}' is not one of experiment '{plan.Info.Name}''s variants.", nameof(variant));
    }

    private static string Text(double rate) => rate.ToString("0.##", CultureInfo.InvariantCulture);
}

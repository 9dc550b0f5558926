using System.Globalization;
using Assay.Core.Cost;
using Assay.Core.Plans;
using Assay.Core.Results;
using Assay.Core.Slo;
using Assay.Core.Statistics;

namespace Assay.Core.Analysis;

/// <summary>
/// Turns a run's trial outcomes into evidence: one value per KPI per trial (trials are the unit of analysis;
/// requests of different trials are never pooled), their summaries, the cost of each trial and its median,
/// each SLO, the comparisons between variants and the hypothesis judged. Pure.
/// </summary>
public static class RunAnalysis
{
    public static RunEvidence Analyze(ExperimentPlan plan, IReadOnlyList<VariantOutcomes> outcomes)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(outcomes);
        var measured = outcomes.Select(o => Measure(plan, o)).ToList();
        var variants = measured.Select(m => m.Evidence).ToList();

        var trials = measured
            .Where(m => m.Trials.Count > 0)
            .Select(m => new VariantTrials(m.Evidence.Variant, m.Trials))
            .ToList();
        var baseline = plan.Comparison.Baseline;
        var comparisonPlan = baseline is not null && trials.All(t => t.Variant != baseline)
            ? plan.Comparison with { Baseline = null }
            : plan.Comparison;
        var comparisons = trials.Count < 2
            ? []
            : Comparisons.Compute(trials, KpiCatalog.All, comparisonPlan);
        if (baseline is not null && comparisonPlan.Baseline is null && trials.Count >= 2)
            comparisons = []; // the baseline measured nothing: comparing the others pairwise would answer another question

        var hypothesis = plan.Info.Hypothesis is null
            ? null
            : HypothesisJudge.Judge(plan.Info.Hypothesis, variants, comparisons, trials, plan.Comparison);
        return new RunEvidence(variants, comparisons, hypothesis);
    }

    private sealed record Measured(VariantEvidence Evidence, IReadOnlyDictionary<string, IReadOnlyList<double>> Trials);

    private static Measured Measure(ExperimentPlan plan, VariantOutcomes variant)
    {
        var excluded = new List<string>();
        var kpis = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var costs = new List<CostResult>();
        var sloResults = plan.Slos.ToDictionary(s => s.Name, _ => new List<SloResult>(), StringComparer.Ordinal);

        foreach (var trial in variant.Trials)
        {
            var workload = trial.Workload;
            var reason = Unusable(trial);
            if (reason is not null || workload is null)
            {
                excluded.Add(string.Create(CultureInfo.InvariantCulture, $"trial {trial.Trial}: {reason ?? "nothing was measured"}"));
                continue;
            }
            foreach (var slo in plan.Slos) sloResults[slo.Name].Add(SloEvaluator.Evaluate(slo, workload));

            var values = new Dictionary<string, double>(KpiCatalog.ValuesOf(ResultBuilder.Summarize(workload)), StringComparer.Ordinal);
            if (plan.Cost is { } costPlan && plan.Pricing is { } pricing && trial.UsageWindow is { } window)
            {
                var cost = CostCalculator.Trial(pricing, costPlan, TrialCostInput.From(variant.Plan, trial, window));
                costs.Add(cost);
                if (cost.PerMillion is { } perMillion) values[KpiCatalog.CostPerMillion.Name] = perMillion;
            }
            foreach (var (name, value) in values)
            {
                if (!double.IsFinite(value) || value < 0) continue;
                if (!kpis.TryGetValue(name, out var list)) kpis[name] = list = [];
                list.Add(value);
            }
        }

        var summaries = KpiCatalog.All
            .Where(k => kpis.ContainsKey(k.Name))
            .ToDictionary(k => k.Name, k => KpiSummary.Of(kpis[k.Name]), StringComparer.Ordinal);
        var variantCost = costs.Count > 0 && plan.Pricing is { } node ? CostSummary.AcrossTrials(costs, node) : null;
        var slos = plan.Slos.Where(s => sloResults[s.Name].Count > 0).Select(s => SloEvaluator.Combine(s, sloResults[s.Name])).ToList();
        return new Measured(
            new VariantEvidence(variant.Plan.Name, summaries, variantCost, slos, excluded),
            kpis.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<double>)kv.Value, StringComparer.Ordinal));
    }

    /// <summary>Why a trial's figures cannot stand as a KPI value, or null when they can.</summary>
    private static string? Unusable(TrialOutcome trial) => trial.Status switch
    {
        RunStatus.Error => $"ended in an error ({trial.Error ?? "see the run's issues"})",
        RunStatus.Cancelled => "was cancelled",
        _ when trial.Workload?.InvalidReason is { } invalid => $"measurement invalid: {invalid}",
        _ => null,
    };
}

using Assay.Core.Diagnostics;
using Assay.Core.Slo;

namespace Assay.Cli.Commands;

/// <summary>
/// Which SLO <c>assay slo rules</c> writes rules for. With SLOs declared in the experiment, <c>--slo</c> picks one
/// (it may be left out when there is only one) and <c>--kind</c>, <c>--objective</c> and <c>--threshold</c>
/// override its fields. With none declared, the options define the SLO and <c>--slo</c> only names it.
/// </summary>
internal static class SloRulesSelection
{
    public static SloPlan? Choose(IReadOnlyList<SloPlan> declared, SloRulesSettings settings, out IReadOnlyList<string> problems)
    {
        var kind = settings.KindValue();
        var objective = settings.ObjectiveValue();
        var threshold = settings.ThresholdValue();
        SloPlan? chosen;
        if (declared.Count == 0)
        {
            if (objective is null)
            {
                problems = ["the experiment declares no SLO, so give one with --objective (e.g. --objective 99.9), and --threshold 50ms for a latency SLO"];
                return null;
            }
            var definedKind = kind ?? (threshold is null ? SloKind.Availability : SloKind.Latency);
            chosen = new SloPlan(settings.Slo ?? definedKind.ToString().ToLowerInvariant(), definedKind, objective.Value, threshold);
        }
        else
        {
            var names = declared.Select(s => s.Name).ToList();
            if (settings.Slo is null && declared.Count > 1)
            {
                problems = [$"the experiment declares {declared.Count} SLOs ({string.Join(", ", names)}); pick one with --slo NAME"];
                return null;
            }
            var found = settings.Slo is null ? declared[0] : declared.FirstOrDefault(s => s.Name == settings.Slo);
            if (found is null)
            {
                problems = [$"the experiment declares no SLO named '{settings.Slo}'; {Suggestions.Hint(settings.Slo!, names)}"];
                return null;
            }
            chosen = Override(found, kind, objective, threshold);
        }
        problems = chosen.Problems();
        return problems.Count == 0 ? chosen : null;
    }

    private static SloPlan Override(SloPlan slo, SloKind? kind, double? objective, TimeSpan? threshold)
    {
        var overridden = slo with { Kind = kind ?? slo.Kind, Objective = objective ?? slo.Objective, Threshold = threshold ?? slo.Threshold };
        // Turning a latency SLO into an availability one leaves its threshold behind, unless one was given.
        return overridden.Kind == SloKind.Availability && threshold is null ? overridden with { Threshold = null } : overridden;
    }
}

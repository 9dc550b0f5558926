using System.Globalization;
using Assay.Core.Diagnostics;

namespace Assay.Core.Slo;

/// <summary>What an SLO's indicator counts as a good event.</summary>
public enum SloKind
{
    /// <summary>An operation is good when it succeeded; errors are failed operations.</summary>
    Availability,

    /// <summary>An answered operation is good when its latency is at or under the SLO's threshold.</summary>
    Latency,
}

/// <summary>
/// A service level objective, resolved: the share of good events that must be reached, over one run when
/// Assay evaluates it, or over a rolling 30 days when the Prometheus rules generated from it watch production.
/// </summary>
/// <param name="Name">Unique within an experiment; it names the result entry and the <c>sloth_slo</c> label.</param>
/// <param name="Objective">The target in percent of events that must be good, e.g. 99.9; above 0 and below 100.</param>
/// <param name="Threshold">Latency SLOs: an answered operation is good when it took at most this long; null for availability.</param>
/// <param name="Operation">The operation (a request name of the mix) the SLO applies to; null for all operations.</param>
/// <param name="Location">Where the SLO was written, for diagnostics; null when it came from the command line.</param>
public sealed record SloPlan(
    string Name,
    SloKind Kind,
    double Objective,
    TimeSpan? Threshold = null,
    string? Operation = null,
    SourceLocation? Location = null)
{
    /// <summary>The objective as a fraction of good events (99.9 → 0.999), exact.</summary>
    public decimal ObjectiveRatio => ErrorBudget.ObjectiveRatio(Objective);

    /// <summary>The error budget b = 1 − objective as a fraction of events (99.9 → 0.001), exact.</summary>
    public decimal Budget => ErrorBudget.Of(Objective);

    /// <summary>
    /// What is wrong with the SLO, each message with its fix; empty when it can be evaluated. Resolvers report
    /// these as diagnostics; <see cref="SloEvaluator"/> refuses a plan that has any.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
            problems.Add("an SLO needs a name, e.g. availability or latency-p99");
        if (!(Objective > 0 && Objective < 100))
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"objective {Objective} is out of range; write a percentage above 0 and below 100, e.g. 99.9 (100 would leave no error budget)"));
        if (Kind == SloKind.Latency && Threshold is null)
            problems.Add("a latency SLO needs a threshold, e.g. 50ms: operations answered within it are good");
        if (Threshold is { } threshold && threshold <= TimeSpan.Zero)
            problems.Add("the threshold must be a positive duration, e.g. 50ms");
        if (Kind == SloKind.Availability && Threshold is not null)
            problems.Add("only latency SLOs take a threshold; remove it, or make the SLO a latency SLO");
        return problems;
    }
}

namespace Assay.Core.Slo;

/// <summary>
/// An SLO evaluated over one trial's measured window. <see cref="Objective"/> and <see cref="Sli"/> are both
/// percentages of good events, so they compare directly; budget figures are fractions of the error budget.
/// </summary>
/// <param name="ThresholdMs">The latency threshold in milliseconds; absent for availability SLOs.</param>
/// <param name="Operation">The request of the mix the SLO was evaluated on; absent for all operations.</param>
/// <param name="Good">Good events: succeeded operations (availability), or answered operations within the threshold (latency).</param>
/// <param name="Total">Valid events: all completed operations (availability), or all answered operations (latency).</param>
/// <param name="Sli">Good ÷ total in percent; null when nothing was measured.</param>
/// <param name="BudgetConsumed">Error ratio ÷ budget: 1 is the whole budget, 2 twice the budget.</param>
/// <param name="BudgetRemaining">1 − consumed; negative when the run overspent the budget.</param>
/// <param name="BurnRate">Error ratio ÷ budget over the run: the multiple of the sustainable rate.</param>
/// <param name="Passed">SLI ≥ objective. Nothing measured fails, never a vacuous pass.</param>
public sealed record SloResult(
    string Name,
    SloKind Kind,
    double Objective,
    double? ThresholdMs,
    string? Operation,
    long Good,
    long Total,
    double? Sli,
    double? BudgetConsumed,
    double? BudgetRemaining,
    double? BurnRate,
    bool Passed);

/// <summary>
/// An SLO across a variant's trials: the figures are those of the median trial SLI (trials are the unit of
/// analysis; events of different trials are never pooled), and it passes only when it passed in every trial,
/// as thresholds do.
/// </summary>
/// <param name="Sli">The median of the trials' SLIs, in percent; null when no trial measured anything.</param>
/// <param name="BudgetConsumed">(1 − median SLI) ÷ budget, the median of the trials' figures.</param>
/// <param name="BudgetRemaining">1 − consumed; negative when the budget was overspent.</param>
/// <param name="BurnRate">(1 − median SLI) ÷ budget.</param>
/// <param name="Passed">At least one trial, and every trial passed.</param>
/// <param name="Trials">Trials evaluated.</param>
/// <param name="TrialsFailed">Trials whose SLI missed the objective or that measured nothing.</param>
public sealed record SloOutcome(
    string Name,
    SloKind Kind,
    double Objective,
    double? ThresholdMs,
    string? Operation,
    double? Sli,
    double? BudgetConsumed,
    double? BudgetRemaining,
    double? BurnRate,
    bool Passed,
    int Trials,
    int TrialsFailed);

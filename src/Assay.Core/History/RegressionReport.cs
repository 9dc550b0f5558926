namespace Assay.Core.History;

/// <summary>Every finding of a new run against its history, variants in run order and KPIs in catalog order.</summary>
/// <param name="HistoryRuns">The ids of the comparable earlier runs considered, newest first.</param>
public sealed record RegressionReport(string RunId, RegressionRule Rule, IReadOnlyList<string> HistoryRuns, IReadOnlyList<RegressionFinding> Findings)
{
    /// <summary>The flagged regressions.</summary>
    public IReadOnlyList<RegressionFinding> Regressions => [.. Findings.Where(f => f.IsRegression)];

    /// <summary>True when any variant's KPI regressed.</summary>
    public bool HasRegression => Findings.Any(f => f.IsRegression);

    /// <summary>True when there were findings and none had enough history to be judged.</summary>
    public bool NotEnoughHistory => Findings.Count > 0 && Findings.All(f => f.Status == RegressionStatus.NotEnoughHistory);
}

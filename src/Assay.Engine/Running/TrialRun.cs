using Assay.Core.Results;

namespace Assay.Engine.Running;

/// <summary>A trial's outcome and, when it went wrong, the issue that explains it.</summary>
public sealed record TrialRun(TrialOutcome Outcome, RunIssue? Issue);

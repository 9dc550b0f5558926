using Assay.Core.Measurements;
using Assay.Core.Results;

namespace Assay.Engine.Events;

/// <summary>What the engine reports while it runs; the CLI renders these, tests assert on them.</summary>
public abstract record RunEvent(DateTimeOffset At);

public sealed record PhaseChanged(DateTimeOffset At, RunPhase Phase, int? Trial, string? Variant) : RunEvent(At);

/// <summary>A trial of a variant begins: the <paramref name="Index"/>-th of <paramref name="Total"/> in the schedule.</summary>
public sealed record TrialStarted(DateTimeOffset At, int Trial, string Variant, int Index, int Total) : RunEvent(At);

public sealed record InstanceReady(DateTimeOffset At, string Component, int Replica, IReadOnlyDictionary<string, int> Ports, TimeSpan StartupTime) : RunEvent(At);

public sealed record WorkloadTick(DateTimeOffset At, int Trial, string Variant, WorkloadProgress Progress) : RunEvent(At);

public sealed record TrialEnded(DateTimeOffset At, TrialSummary Summary, string Variant) : RunEvent(At);

public sealed record RunNotice(DateTimeOffset At, string Message, bool IsWarning) : RunEvent(At);

/// <summary>A capacity search step begins: the variant's workload at <paramref name="Rate"/> per second, on fresh components.</summary>
public sealed record CapacityStepStarted(DateTimeOffset At, string Variant, string Slo, int Step, double Rate) : RunEvent(At);

/// <summary>A capacity search step ended: its rate, its SLI against the objective (percent), and whether it passed.</summary>
public sealed record CapacityStepEnded(DateTimeOffset At, string Variant, int Step, CapacityStep Result, double Objective) : RunEvent(At);

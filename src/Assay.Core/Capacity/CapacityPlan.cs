namespace Assay.Core.Capacity;

/// <summary>
/// A capacity search (<c>workload.capacity</c>): the highest open-model arrival rate, per variant, that still meets
/// the SLO named <paramref name="Slo"/>. The search brackets from <paramref name="Start"/> upwards (doubling) up to
/// <paramref name="Max"/>, then bisects until the bracket is narrower than <paramref name="Precision"/> (a fraction of
/// the rate found, e.g. 0.05), each step a short measured run of <paramref name="StepDuration"/>.
/// </summary>
public sealed record CapacityPlan(string Slo, double Start, double Max, double Precision, TimeSpan StepDuration);

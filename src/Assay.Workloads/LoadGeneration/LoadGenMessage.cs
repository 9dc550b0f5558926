using System.Text.Json.Serialization;
using Assay.Core.Measurements;

namespace Assay.Workloads.LoadGeneration;

/// <summary>One JSON line the load generator writes: progress as it goes, the result at the end.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ProgressMessage), "progress")]
[JsonDerivedType(typeof(ResultMessage), "result")]
internal abstract record LoadGenMessage;

internal sealed record ProgressMessage(
    WorkloadStage Stage,
    double ElapsedSeconds,
    long Succeeded,
    long Failed,
    double SucceededPerSecond,
    double FailedPerSecond) : LoadGenMessage
{
    public static ProgressMessage From(WorkloadProgress p) =>
        new(p.Stage, p.ElapsedSeconds, p.Succeeded, p.Failed, p.SucceededPerSecond, p.FailedPerSecond);

    public WorkloadProgress ToProgress() => new(Stage, ElapsedSeconds, Succeeded, Failed, SucceededPerSecond, FailedPerSecond);
}

internal sealed record ResultMessage(WorkloadMeasurement Measurement) : LoadGenMessage;

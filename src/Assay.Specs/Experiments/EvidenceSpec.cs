using Assay.Core.Diagnostics;
using Assay.Specs.Values;

namespace Assay.Specs.Experiments;

// What the user wrote about the evidence a run produces: how variants are compared, how the run is priced, the
// SLOs it is judged by and the capacity search. Null means not set; ExperimentResolver applies the defaults.

/// <summary><c>spec.comparison</c>: the baseline every other variant is compared with, the margin δ and the confidence.</summary>
public sealed record ComparisonSpec(Scalar? Baseline, Scalar? Margin, Scalar? Confidence, string FieldPath, SourceLocation Location)
    : SpecNode(FieldPath, Location);

/// <summary><c>spec.cost</c>: the node type the run is priced on (a price book key or <c>custom</c>), market and allocation.</summary>
public sealed record CostSpec(
    Scalar? Node,
    Scalar? Market,
    Scalar? Allocation,
    ProjectionSpec? Projection,
    CustomPriceSpec? Custom,
    string FieldPath,
    SourceLocation Location) : SpecNode(FieldPath, Location);

/// <summary><c>spec.cost.projection</c>: the target load a monthly cost is projected for.</summary>
public sealed record ProjectionSpec(Scalar? Rate, string FieldPath, SourceLocation Location) : SpecNode(FieldPath, Location);

/// <summary><c>spec.cost.custom</c>: prices the experiment states itself, for <c>node: custom</c>.</summary>
public sealed record CustomPriceSpec(
    Scalar? CpuPerVcpuHour,
    Scalar? MemoryPerGiBHour,
    Scalar? Vcpus,
    Scalar? MemoryGiB,
    string FieldPath,
    SourceLocation Location) : SpecNode(FieldPath, Location);

/// <summary>One entry of <c>spec.slos</c>; its kind is latency when a threshold is given and no kind is.</summary>
public sealed record SloSpec(
    Scalar? Name,
    Scalar? Kind,
    Scalar? Objective,
    Scalar? Threshold,
    Scalar? Operation,
    string FieldPath,
    SourceLocation Location) : SpecNode(FieldPath, Location);

/// <summary><c>spec.workload.capacity</c>: search the highest open-model rate that meets an SLO.</summary>
public sealed record CapacitySpec(
    Scalar? Slo,
    Scalar? Start,
    Scalar? Max,
    Scalar? Precision,
    Scalar? StepDuration,
    string FieldPath,
    SourceLocation Location) : SpecNode(FieldPath, Location);

using Assay.Core.Diagnostics;
using Assay.Specs.Values;

namespace Assay.Specs.Experiments;

// What the user wrote in an experiment file, field by field: null means the field was not set. Values are
// Scalars, converted to their types by ExperimentResolver once parameters are substituted.

/// <summary>The whole file: the Kubernetes-style envelope around <see cref="ExperimentSpec"/>.</summary>
public sealed record ExperimentDocument(
    Scalar? ApiVersion,
    Scalar? Kind,
    MetadataSpec? Metadata,
    ExperimentSpec? Spec,
    string FieldPath,
    SourceLocation Location) : SpecNode(FieldPath, Location)
{
    public const string ApiVersionV1Alpha1 = "assay.dev/v1alpha1";
    public const string ExperimentKind = "Experiment";
}

public sealed record MetadataSpec(Scalar? Name, IReadOnlyList<ScalarPair>? Labels, string FieldPath, SourceLocation Location)
    : SpecNode(FieldPath, Location);

/// <summary>The experiment's <c>spec</c>: what is claimed, compared, driven and judged.</summary>
public sealed record ExperimentSpec(
    Scalar? Title,
    Scalar? Description,
    IReadOnlyList<Scalar>? Tags,
    HypothesisSpec? Hypothesis,
    IReadOnlyList<ScalarPair>? Parameters,
    Scalar? Trials,
    PlacementSpec? Placement,
    IReadOnlyList<VariantSpec>? Variants,
    IReadOnlyList<ComponentSpec>? Components,
    WorkloadSpec? Workload,
    IReadOnlyList<ThresholdSpec>? Thresholds,
    ComparisonSpec? Comparison,
    CostSpec? Cost,
    IReadOnlyList<SloSpec>? Slos,
    string FieldPath,
    SourceLocation Location) : SpecNode(FieldPath, Location);

public sealed record HypothesisSpec(
    Scalar? Claim,
    IReadOnlyList<Scalar>? Questions,
    IReadOnlyList<Scalar>? Focus,
    IReadOnlyList<SuccessCriterionSpec>? SuccessCriteria,
    string FieldPath,
    SourceLocation Location) : SpecNode(FieldPath, Location);

/// <param name="Variant">The variant whose KPI is judged (the candidate of a ratio); unset: every variant.</param>
/// <param name="Baseline">With <paramref name="Variant"/>, judge the ratio variant ÷ baseline of the KPI instead.</param>
public sealed record SuccessCriterionSpec(
    Scalar? Metric,
    Scalar? Operator,
    Scalar? Value,
    Scalar? Description,
    Scalar? Variant,
    Scalar? Baseline,
    string FieldPath,
    SourceLocation Location) : SpecNode(FieldPath, Location);

public sealed record PlacementSpec(Scalar? LoadGenerator, Scalar? Components, string FieldPath, SourceLocation Location)
    : SpecNode(FieldPath, Location);

/// <param name="Parameters">Overrides of experiment parameters for this variant (the target, a level, a setting).</param>
public sealed record VariantSpec(
    Scalar? Name,
    IReadOnlyList<ComponentSpec>? Components,
    IReadOnlyList<ScalarPair>? Parameters,
    string FieldPath,
    SourceLocation Location) : SpecNode(FieldPath, Location);

/// <param name="Links">The entry's link names mapped to components declared before this one (proxy upstream: web).</param>
public sealed record ComponentSpec(
    Scalar? Name,
    Scalar? Uses,
    Scalar? Replicas,
    IReadOnlyList<ScalarPair>? Parameters,
    ResourcesSpec? Resources,
    IReadOnlyList<ScalarPair>? Links,
    string FieldPath,
    SourceLocation Location) : SpecNode(FieldPath, Location);

public sealed record ResourcesSpec(Scalar? Cpus, Scalar? Memory, Scalar? CpuSet, string FieldPath, SourceLocation Location)
    : SpecNode(FieldPath, Location);

/// <param name="Blocks">Driver settings blocks as written (<c>kv:</c>, <c>sql:</c>…), by block name; each driver reads its own.</param>
public sealed record WorkloadSpec(
    Scalar? Driver,
    Scalar? Target,
    LoadModelSpec? Model,
    Scalar? WarmUp,
    Scalar? Duration,
    Scalar? Timeout,
    IReadOnlyList<RequestSpec>? Requests,
    IReadOnlyDictionary<string, DriverBlockSpec> Blocks,
    CapacitySpec? Capacity,
    string FieldPath,
    SourceLocation Location) : SpecNode(FieldPath, Location);

/// <summary>A driver's settings block, kept as its YAML node: the driver reads it once parameters are known.</summary>
public sealed record DriverBlockSpec(Yaml.YamlNode Node, string FieldPath, SourceLocation Location) : SpecNode(FieldPath, Location);

/// <summary>
/// The arrival model with the fields of both kinds: which ones apply depends on <see cref="Type"/>, which may
/// itself be a parameter, so the resolver (not the parser) rejects a field of the other kind.
/// </summary>
public sealed record LoadModelSpec(
    Scalar? Type,
    Scalar? Connections,
    ThinkTimeSpec? ThinkTime,
    Scalar? Rate,
    Scalar? MaxConnections,
    Scalar? LagTolerance,
    Scalar? MaxLateFraction,
    string FieldPath,
    SourceLocation Location) : SpecNode(FieldPath, Location);

/// <summary>Either one duration (<see cref="Fixed"/>) or a range (<see cref="Min"/>, <see cref="Max"/>).</summary>
public sealed record ThinkTimeSpec(Scalar? Fixed, Scalar? Min, Scalar? Max, string FieldPath, SourceLocation Location)
    : SpecNode(FieldPath, Location);

public sealed record RequestSpec(
    Scalar? Name,
    Scalar? Weight,
    Scalar? Method,
    Scalar? Path,
    IReadOnlyList<ScalarPair>? Headers,
    Scalar? Body,
    IReadOnlyList<Scalar>? Expect,
    string FieldPath,
    SourceLocation Location) : SpecNode(FieldPath, Location);

/// <summary>One key of <c>thresholds</c> (<c>http_req_duration{request:echo}</c>) and its expressions.</summary>
public sealed record ThresholdSpec(Scalar Key, IReadOnlyList<Scalar> Expressions, string FieldPath, SourceLocation Location)
    : SpecNode(FieldPath, Location);

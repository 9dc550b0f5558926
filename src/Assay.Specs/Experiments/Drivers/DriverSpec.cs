using Assay.Core.Plans;
using Assay.Specs.Values;
using Assay.Specs.Yaml;

namespace Assay.Specs.Experiments.Drivers;

/// <summary>
/// A workload driver's part of the experiment file: the block it reads under <c>workload</c> (named after
/// the driver: <c>kv:</c>, <c>sql:</c>…) and how that block and the common workload fields resolve to the
/// driver's <see cref="WorkloadPlan"/>. The HTTP driver's settings are the workload's own <c>requests</c>.
/// </summary>
internal abstract class DriverSpec
{
    /// <summary>The driver's name in <c>workload.driver</c>.</summary>
    public abstract string Driver { get; }

    /// <summary>The workload field holding this driver's settings; null when it has none.</summary>
    public virtual string? Block => Driver;

    /// <summary>False for drivers whose load is set in their block (a publish rate, a scrape level), not by <c>workload.model</c>.</summary>
    public virtual bool ModelRequired => true;

    /// <summary>The fields its block may have (unknown ones are reported with "did you mean …?").</summary>
    public abstract IReadOnlyCollection<string> BlockFields { get; }

    /// <summary>
    /// The plan, or null when a value could not be resolved (the reasons are already reported). The names
    /// of the operations it will measure go into <see cref="DriverContext.OperationNames"/>, for thresholds
    /// tagged <c>{request:NAME}</c>.
    /// </summary>
    public abstract WorkloadPlan? Resolve(DriverContext context);
}

/// <summary>What a driver's resolution gets: the workload as written, its block, the common fields already resolved.</summary>
/// <param name="Block">The driver's block opened for reading; null when the workload has none.</param>
/// <param name="ResolveComponent">Resolves a scalar naming a component of the variant (for a second role, such as a
/// metrics source) to a target, reporting when the variant lacks it.</param>
internal sealed record DriverContext(
    WorkloadSpec Workload,
    FieldReader? Block,
    WorkloadCommon Common,
    ValueReader Values,
    Func<Scalar, TargetPlan?> ResolveComponent,
    List<string> OperationNames);

/// <summary>The workload fields every driver shares, resolved; null where a value was missing or wrong.</summary>
internal sealed record WorkloadCommon(TargetPlan? Target, LoadModel? Model, TimeSpan WarmUp, TimeSpan? Duration, TimeSpan Timeout);

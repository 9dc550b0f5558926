using Assay.Core.Diagnostics;
using Assay.Core.Slo;
using Assay.Specs.Values;

namespace Assay.Specs.Experiments;

public sealed partial class ExperimentResolver
{
    private static readonly Dictionary<string, SloKind> SloKinds = new(StringComparer.Ordinal)
    {
        ["availability"] = SloKind.Availability,
        ["latency"] = SloKind.Latency,
    };

    /// <summary>
    /// <c>spec.slos</c>: names unique, each SLO's own problems (<see cref="SloPlan.Problems"/>) reported at the field
    /// they are about, and an <c>operation</c> checked against the operations of every variant's workload.
    /// </summary>
    private DeclaredSlos Slos(ExperimentSpec spec, IReadOnlyList<VariantWorkload> workloads)
    {
        var plans = new List<SloPlan>();
        var names = new List<string>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var slo in spec.Slos ?? [])
        {
            if (slo.Name is null) _values.Required(slo, "name");
            var name = _values.Name(slo.Name);
            if (name is not null && !seen.TryAdd(name, slo.Name!.Location))
            {
                _values.Error(slo.Name!, $"SLO name '{name}' is used twice", $"the first is at line {seen[name].Line}; give each SLO its own name");
                name = null;
            }
            if (name is not null) names.Add(name);
            // Without kind: a threshold makes it a latency SLO, none an availability SLO.
            var inferred = slo.Threshold is null ? SloKind.Availability : SloKind.Latency;
            var kind = slo.Kind is null ? inferred : Choice(slo.Kind, SloKinds);
            if (slo.Objective is null) _values.Required(slo, "objective");
            var objective = _values.Percent(slo.Objective);
            // Zero is read here and refused by the SLO itself, so the message is the one every SLO check gives.
            var threshold = _values.Duration(slo.Threshold, allowZero: true);
            var operation = slo.Operation is null ? null : Operation(slo.Operation, workloads);

            // Stand-ins for the values already reported as wrong, so the SLO's other problems show in the same pass
            // and a wrong value is not also reported as a missing one.
            var candidate = new SloPlan(name ?? "slo", kind ?? inferred, objective ?? 99,
                threshold ?? (slo.Threshold is null ? null : TimeSpan.FromMilliseconds(1)), operation, slo.Location);
            var problems = candidate.Problems();
            foreach (var problem in problems) ReportSloProblem(slo, problem);
            var complete = name is not null && kind is not null && objective is not null && (slo.Threshold is null || threshold is not null)
                && (slo.Operation is null || operation is not null);
            if (complete && problems.Count == 0) plans.Add(candidate);
        }
        return new DeclaredSlos(plans, names);
    }

    /// <summary>An SLO's problem at the field it is about; the SLO says "problem; fix", shown as message and hint.</summary>
    private void ReportSloProblem(SloSpec slo, string problem)
    {
        var split = problem.IndexOf("; ", StringComparison.Ordinal);
        var message = split < 0 ? problem : problem[..split];
        var (field, scalar) = problem.StartsWith("objective", StringComparison.Ordinal) ? ("objective", slo.Objective)
            : problem.Contains("threshold", StringComparison.Ordinal) ? ("threshold", slo.Threshold)
            : ("name", slo.Name);
        var path = FieldPath.Child(slo.FieldPath, field);
        var hint = split < 0 ? FieldInfo.ExampleHint(path) : problem[(split + 2)..];
        if (scalar is not null) _values.Error(scalar, message, hint);
        else _diagnostics.Error(slo.Location, path, message, hint);
    }

    /// <summary>
    /// The operation an SLO is narrowed to: a request of the mix, or an operation of the driver (get, set, a
    /// transaction), in every variant whose workload names its operations.
    /// </summary>
    private string? Operation(Scalar scalar, IReadOnlyList<VariantWorkload> workloads)
    {
        if (_values.Name(scalar) is not { } operation) return null;
        var named = workloads.Where(w => w.Workload.OperationNames.Count > 0).ToList();
        var lacking = named.Where(w => !w.Workload.OperationNames.Contains(operation)).ToList();
        if (lacking.Count == 0) return operation;
        var known = lacking[0].Workload.OperationNames;
        var names = string.Join(", ", lacking.Select(w => $"'{w.Variant}'"));
        var where = workloads.Count == 1 ? "the workload" : lacking.Count == 1 ? $"the workload of variant {names}" : $"the workloads of variants {names}";
        var hint = Suggestions.Closest(operation, known) is { } closest
            ? $"did you mean '{closest}'?"
            : $"its operations are: {string.Join(", ", known)}";
        _values.Error(scalar, $"no operation named '{operation}' in {where}", hint);
        return null;
    }

    /// <summary>The SLOs that resolved, and the names of all declared (so a reference to a broken one is not also "unknown").</summary>
    private sealed record DeclaredSlos(IReadOnlyList<SloPlan> Plans, IReadOnlyList<string> Names);

    private sealed record VariantWorkload(string Variant, ResolvedWorkload Workload);
}

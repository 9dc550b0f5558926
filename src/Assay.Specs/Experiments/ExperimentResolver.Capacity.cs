using Assay.Core.Capacity;
using Assay.Core.Diagnostics;
using Assay.Core.Plans;
using Assay.Specs.Experiments.Drivers;

namespace Assay.Specs.Experiments;

public sealed partial class ExperimentResolver
{
    private const double DefaultCapacityPrecision = 0.05;
    private static readonly TimeSpan DefaultStepDuration = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>spec.workload.capacity</c>, one search for the whole experiment: it names a declared SLO, brackets a rate range,
    /// and needs every variant's workload on the open model, whose rate each step replaces.
    /// </summary>
    private CapacityPlan? Capacity(ExperimentSpec spec, DeclaredSlos slos, IReadOnlyList<VariantWorkload> workloads)
    {
        if (spec.Workload?.Capacity is not { } capacity) return null;
        if (capacity.Slo is null) _values.Required(capacity, "slo");
        if (capacity.Start is null) _values.Required(capacity, "start");
        if (capacity.Max is null) _values.Required(capacity, "max");
        var slo = CapacitySlo(capacity, spec, slos);
        var start = _values.RatePerSecond(capacity.Start);
        var max = _values.RatePerSecond(capacity.Max);
        if (start is not null && max is not null && start >= max)
        {
            _values.Error(capacity.Max!, $"max ({capacity.Max!.Text}) must be above start ({capacity.Start!.Text})",
                "the search starts at start and doubles the rate up to max, e.g. start: 100/s, max: 10000/s");
            max = null;
        }
        var precision = _values.Fraction(capacity.Precision) ?? DefaultCapacityPrecision;
        var stepDuration = _values.Duration(capacity.StepDuration, allowZero: false) ?? DefaultStepDuration;
        CheckOpenModel(capacity, workloads);
        return slo is null || start is null || max is null ? null : new CapacityPlan(slo, start.Value, max.Value, precision, stepDuration);
    }

    private string? CapacitySlo(CapacitySpec capacity, ExperimentSpec spec, DeclaredSlos slos)
    {
        if (_values.Name(capacity.Slo) is not { } name) return null;
        if (slos.Names.Contains(name)) return name;
        var hint = spec.Slos is not { Count: > 0 }
            ? $"declare it under spec.slos, e.g. slos: [{{name: {name}, objective: 99, threshold: 50ms}}]"
            : Suggestions.Hint(name, slos.Names);
        _values.Error(capacity.Slo!, $"no SLO named '{name}'", hint);
        return null;
    }

    /// <summary>The search varies <c>workload.model.rate</c>: every variant must drive the open model, with a driver that reads it.</summary>
    private void CheckOpenModel(CapacitySpec capacity, IReadOnlyList<VariantWorkload> workloads)
    {
        foreach (var driver in workloads.Select(w => w.Workload.Driver).OfType<string>().Distinct())
        {
            if (DriverSpecs.Find(driver) is { ModelRequired: false } own)
            {
                _diagnostics.Error(capacity.Location, capacity.FieldPath,
                    $"a capacity search varies workload.model.rate, and the {driver} driver sets its load in workload.{own.Block} instead",
                    $"search capacity with a driver that takes an open model: {string.Join(", ", OpenModelDrivers())}");
            }
        }
        var closed = workloads.Where(w => w.Workload.Plan?.Model is ClosedModel && DriverSpecs.Find(w.Workload.Driver ?? "") is not { ModelRequired: false }).ToList();
        if (closed.Count == 0) return;
        var names = string.Join(", ", closed.Select(w => $"'{w.Variant}'"));
        var which = workloads.Count == 1 ? "the workload's model is closed"
            : closed.Count == 1 ? $"the model of variant {names} is closed"
            : $"the models of variants {names} are closed";
        _diagnostics.Error(capacity.Location, capacity.FieldPath, $"a capacity search needs the open model, but {which}",
            "set model: {type: open, rate: 100/s, maxConnections: 100}; the search replaces the rate at each step");
    }

    private static IEnumerable<string> OpenModelDrivers() =>
        DriverSpecs.All.Where(d => d.ModelRequired).Select(d => d.Driver).Prepend(HttpWorkloadPlan.DriverName);
}

using Assay.Core.Units;
using Assay.Core.Plans;
using Assay.Specs.Catalogs;
using Assay.Specs.Values;

namespace Assay.Specs.Experiments;

/// <summary>
/// The one place where an experiment as written becomes an <see cref="ExperimentPlan"/>: parameters are
/// substituted, values converted and checked, defaults applied, catalog entries looked up and every
/// cross-reference (target, thresholds, placement) checked. Every problem is reported, not just the first.
/// </summary>
public sealed partial class ExperimentResolver
{
    private readonly ExperimentDocument _document;
    private readonly Catalog _catalog;
    private readonly ResolveOptions _options;
    private readonly DiagnosticBag _diagnostics;
    private readonly bool _requireParameters;
    private ValueReader _values;

    private ExperimentResolver(ExperimentDocument document, Catalog catalog, ResolveOptions options, DiagnosticBag diagnostics, bool requireParameters)
    {
        _document = document;
        _catalog = catalog;
        _options = options;
        _diagnostics = diagnostics;
        _requireParameters = requireParameters;
        _values = new ValueReader(null, diagnostics);
    }

    /// <summary>Resolves a parsed experiment for a run; the plan is null when any error was found.</summary>
    public static SpecOutcome<ExperimentPlan> Resolve(ExperimentDocument document, Catalog catalog, ResolveOptions options, ExperimentSource source)
    {
        var diagnostics = new DiagnosticBag();
        var plan = Resolve(document, catalog, options, source, requireParameters: true, diagnostics);
        return SpecOutcome<ExperimentPlan>.From(plan, diagnostics);
    }

    /// <param name="requireParameters">
    /// False to validate only: a parameter without default is not an error, and values using it are not checked.
    /// No plan comes out then unless every value could be checked.
    /// </param>
    internal static ExperimentPlan? Resolve(
        ExperimentDocument document, Catalog catalog, ResolveOptions options, ExperimentSource source, bool requireParameters, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new ExperimentResolver(document, catalog, options, diagnostics, requireParameters).Run(source);
    }

    private ExperimentPlan? Run(ExperimentSource source)
    {
        var name = Envelope();
        CheckOverrides();
        if (_document.Spec is not { } spec)
        {
            _values.Required(_document, "spec");
            return null;
        }
        var scope = ParameterScope.Build(spec.Parameters, _options.Parameters, _requireParameters, _diagnostics);
        var experimentValues = new ValueReader(scope, _diagnostics);
        _values = experimentValues;

        var declaredVariants = DeclaredVariants(spec);
        var variantNames = declaredVariants.Select(v => v.Name).Where(n => n.Length > 0).ToList();
        var info = Info(name, spec, variantNames);
        var trials = _options.Trials ?? _values.Integer(spec.Trials, 1) ?? 1;
        var deferred = false;
        var resolved = new List<ResolvedVariant>();
        var workloads = new List<VariantWorkload>();
        var plans = new List<VariantPlan>();
        foreach (var declared in declaredVariants)
        {
            // Each variant resolves with its own parameters: its workload and thresholds may differ (target, level, setting).
            var variantScope = scope.With(declared.Spec?.Parameters, _options.Parameters, _diagnostics);
            _values = new ValueReader(variantScope, _diagnostics);
            var variant = new ResolvedVariant(declared.Name, declared.Spec, Components(declared.Components));
            var workload = Workload(spec, variant);
            var thresholds = Thresholds(spec, workload);
            deferred |= _values.Deferred;
            resolved.Add(variant);
            workloads.Add(new VariantWorkload(declared.Name, workload));
            if (workload.Plan is not null) plans.Add(variant.Plan(workload.Plan, thresholds, variantScope.Values));
        }
        _values = experimentValues;
        var placement = Placement(spec, resolved);
        var comparison = Comparison(spec, variantNames);
        var cost = Cost(spec);
        var slos = Slos(spec, workloads);
        var capacity = Capacity(spec, slos, workloads);

        if (_diagnostics.HasErrors || deferred || experimentValues.Deferred || name is null || plans.Count != resolved.Count) return null;
        return new ExperimentPlan(info, plans, trials, placement, scope.Values, source)
        {
            Comparison = comparison,
            Cost = cost?.Plan,
            Pricing = cost?.Pricing,
            Slos = slos.Plans,
            Capacity = capacity,
        };
    }

    private string? Envelope()
    {
        var literal = new ValueReader(null, _diagnostics);
        if (_document.ApiVersion is null) literal.Required(_document, "apiVersion");
        else if (literal.Text(_document.ApiVersion) is { } apiVersion && apiVersion != ExperimentDocument.ApiVersionV1Alpha1)
        {
            literal.Error(_document.ApiVersion, $"unsupported apiVersion '{apiVersion}'", $"write apiVersion: {ExperimentDocument.ApiVersionV1Alpha1}");
        }

        if (_document.Kind is null) literal.Required(_document, "kind");
        else if (literal.Text(_document.Kind) is { } kind && kind != ExperimentDocument.ExperimentKind)
        {
            literal.Error(_document.Kind, $"kind '{kind}' is not an experiment",
                kind == "CatalogEntry" ? "this is a catalog entry: put it in catalog/ and refer to it with 'uses:'" : "write kind: Experiment");
        }

        if (_document.Metadata is not { } metadata)
        {
            literal.Required(_document, "metadata");
            return null;
        }
        if (metadata.Name is null)
        {
            literal.Required(metadata, "name");
            return null;
        }
        return literal.Name(metadata.Name);
    }

    private void CheckOverrides()
    {
        if (_options.Duration is { } duration && duration <= TimeSpan.Zero)
            _diagnostics.Error(null, "--duration", "must be greater than zero", "e.g. --duration 30s");
        if (_options.Trials is < 1)
            _diagnostics.Error(null, "--trials", "must be at least 1", "e.g. --trials 5");
    }

    private ExperimentInfo Info(string? name, ExperimentSpec spec, IReadOnlyList<string> variants)
    {
        var title = _values.Text(spec.Title);
        var description = _values.Text(spec.Description);
        var tags = Texts(spec.Tags);
        return new ExperimentInfo(name ?? "", title ?? name ?? "", description, tags, Hypothesis(spec, variants));
    }

    private PlacementPlan Placement(ExperimentSpec spec, IReadOnlyList<ResolvedVariant> variants)
    {
        if (spec.Placement is not { } placement) return PlacementPlan.Unpinned;
        var loadGenerator = _values.CpuList(placement.LoadGenerator, out var generatorCpus);
        var components = _values.CpuList(placement.Components, out var componentCpus);
        if (generatorCpus is null) return new PlacementPlan(loadGenerator, components);
        if (componentCpus is not null) CheckApart(placement.Components!, "components", generatorCpus, componentCpus, loadGenerator!);
        foreach (var component in variants.SelectMany(v => v.Components))
        {
            if (component.CpuSet is { } cpus && component.Spec.Resources?.CpuSet is { } written)
                CheckApart(written, "this component's cpuset", generatorCpus, cpus, loadGenerator!);
        }
        return new PlacementPlan(loadGenerator, components);
    }

    private void CheckApart(Scalar where, string what, SortedSet<int> generator, SortedSet<int> cpus, string generatorText)
    {
        var shared = new SortedSet<int>(generator);
        shared.IntersectWith(cpus);
        if (shared.Count == 0) return;
        _values.Error(where, $"CPU {CpuSetText.Format(shared)} is in both placement.loadGenerator ({generatorText}) and {what} ({CpuSetText.Format(cpus)})",
            "give the load generator CPUs of its own, so it does not compete with what it measures");
    }

    private List<string> Texts(IReadOnlyList<Scalar>? scalars) =>
        [.. (scalars ?? []).Select(_values.Text).OfType<string>()];
}

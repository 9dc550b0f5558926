using Assay.Core.Catalog;
using Assay.Core.Diagnostics;
using Assay.Core.Plans;

namespace Assay.Specs.Experiments;

public sealed partial class ExperimentResolver
{
    private const string DefaultVariant = "default";

    /// <summary>The variants as written (one named "default" when the file lists components directly), names checked.</summary>
    private List<DeclaredVariant> DeclaredVariants(ExperimentSpec spec)
    {
        if (spec.Variants is not null && spec.Components is not null)
        {
            var where = spec.Components.Count > 0 ? spec.Components[0].Location : spec.Location;
            _diagnostics.Error(where, FieldPath.Child(spec.FieldPath, "components"), "'components' and 'variants' are both set",
                "for one candidate write components; to compare several, move the components into variants");
        }
        if (spec.Variants is null)
            return [new DeclaredVariant(DefaultVariant, null, spec.Components ?? [])];
        if (spec.Variants.Count == 0)
        {
            _diagnostics.Error(spec.Location, FieldPath.Child(spec.FieldPath, "variants"), "needs at least one variant",
                "e.g. variants: [{name: dotnet, components: [{name: web, uses: demo-app}]}]");
        }

        var variants = new List<DeclaredVariant>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var variant in spec.Variants)
        {
            if (variant.Name is null) _values.Required(variant, "name");
            var name = _values.Name(variant.Name);
            if (name is not null && !seen.TryAdd(name, variant.Name!.Location))
            {
                _values.Error(variant.Name!, $"variant name '{name}' is used twice", $"the first is at line {seen[name].Line}; give each variant its own name");
            }
            variants.Add(new DeclaredVariant(name ?? "", variant, variant.Components ?? []));
        }
        return variants;
    }

    private List<ResolvedComponent> Components(IReadOnlyList<ComponentSpec> components)
    {
        var resolved = new List<ResolvedComponent>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var component in components)
        {
            if (component.Name is null) _values.Required(component, "name");
            var name = _values.Name(component.Name);
            if (name is not null && !seen.TryAdd(name, component.Name!.Location))
            {
                _values.Error(component.Name!, $"component name '{name}' is used twice in this variant",
                    $"the first is at line {seen[name].Line}; give each component its own name");
            }
            resolved.Add(Component(component, name));
        }
        return [.. resolved.Select((c, i) => WithLinks(c, resolved.Take(i).ToList()))];
    }

    /// <summary>
    /// A component's links: each names a link its entry declares and a component declared before it in the
    /// same variant (started first, so its address is known); every declared link must be given.
    /// </summary>
    private ResolvedComponent WithLinks(ResolvedComponent component, IReadOnlyList<ResolvedComponent> earlier)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        var declared = component.Entry?.Links ?? [];
        foreach (var (key, value) in component.Spec.Links ?? [])
        {
            if (component.Entry is not null && !declared.Contains(key.Text))
            {
                var hint = declared.Count == 0
                    ? $"'{component.Entry.Name}' declares no links; remove this one"
                    : Suggestions.Hint(key.Text, [.. declared]);
                _values.Error(key, $"catalog entry '{component.Entry.Name}' has no link '{key.Text}'", hint);
                continue;
            }
            if (_values.Name(value) is not { } target) continue;
            if (earlier.All(c => c.Name != target))
            {
                var names = earlier.Select(c => c.Name).OfType<string>().ToList();
                _values.Error(value, $"link '{key.Text}' names '{target}', which is not a component declared before '{component.Name}'",
                    names.Count == 0 ? "declare the linked component first: components start in the order written" : $"components declared before it: {string.Join(", ", names)}");
                continue;
            }
            links[key.Text] = target;
        }
        foreach (var missing in declared.Where(l => !links.ContainsKey(l) && !(component.Spec.Links ?? []).Any(p => p.Key.Text == l)))
        {
            _diagnostics.Error(component.Spec.Location, FieldPath.Child(component.Spec.FieldPath, "links"),
                $"component '{component.Name}' ({component.Entry!.Name}) needs link '{missing}'",
                $"e.g. links: {{{missing}: web}}, naming a component declared before it");
        }
        return component with { Plan = component.Plan is null ? null : component.Plan with { Links = links } };
    }

    private ResolvedComponent Component(ComponentSpec component, string? name)
    {
        if (component.Uses is null) _values.Required(component, "uses");
        var uses = _values.Text(component.Uses);
        var entry = uses is null ? null : _catalog.Find(uses);
        if (uses is not null && entry is null)
        {
            var hint = _catalog.Entries.Count == 0
                ? "the catalog is empty; entries are read from the catalog/ folder"
                : Suggestions.Closest(uses, _catalog.Names) is { } closest
                    ? $"did you mean '{closest}'?"
                    : $"the catalog has: {string.Join(", ", _catalog.Names)}";
            _values.Error(component.Uses!, $"no catalog entry named '{uses}'", hint);
        }

        var replicas = _values.Integer(component.Replicas, 1) ?? 1;
        var parameters = ComponentParameters(component, entry);
        var resources = component.Resources;
        var cpus = _values.Number(resources?.Cpus, 0, exclusiveMin: true);
        var memory = _values.ByteSize(resources?.Memory);
        var cpuSet = _values.CpuList(resources?.CpuSet, out var cpuSetCpus);
        var plan = name is null || entry is null
            ? null
            : new ComponentPlan(name, entry, parameters, new ResourcePlan(cpus, memory, cpuSet), replicas, new Dictionary<string, string>());
        return new ResolvedComponent(name, entry, plan, component, cpuSetCpus);
    }

    /// <summary>The entry's parameter defaults with the component's values over them, so templates can use all of them.</summary>
    private Dictionary<string, string> ComponentParameters(ComponentSpec component, CatalogEntry? entry)
    {
        var values = new Dictionary<string, string>(entry?.Parameters ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in component.Parameters ?? [])
        {
            var text = _values.Text(value);
            if (entry is not null && !entry.Parameters.ContainsKey(key.Text))
            {
                var declared = entry.Parameters.Keys.Order(StringComparer.Ordinal).ToList();
                var hint = declared.Count == 0
                    ? "it declares no parameters; remove this one"
                    : Suggestions.Closest(key.Text, declared) is { } closest
                        ? $"did you mean '{closest}'?"
                        : $"'{entry.Name}' declares: {string.Join(", ", declared)}";
                _values.Error(key, $"catalog entry '{entry.Name}' has no parameter '{key.Text}'", hint);
                continue;
            }
            if (text is not null) values[key.Text] = text;
        }
        return values;
    }

    private sealed record DeclaredVariant(string Name, VariantSpec? Spec, IReadOnlyList<ComponentSpec> Components);

    /// <summary>A variant as far as it could be resolved; components whose entry is unknown have no plan.</summary>
    private sealed record ResolvedVariant(string Name, VariantSpec? Spec, IReadOnlyList<ResolvedComponent> Components)
    {
        public VariantPlan Plan(WorkloadPlan workload, IReadOnlyList<ThresholdPlan> thresholds, IReadOnlyDictionary<string, string> parameters) =>
            new(Name, [.. Components.Select(c => c.Plan).OfType<ComponentPlan>()], workload, thresholds, parameters);
    }

    private sealed record ResolvedComponent(string? Name, CatalogEntry? Entry, ComponentPlan? Plan, ComponentSpec Spec, SortedSet<int>? CpuSet);
}

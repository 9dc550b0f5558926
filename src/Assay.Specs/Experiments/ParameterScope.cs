using System.Text.RegularExpressions;
using Assay.Core.Diagnostics;
using Assay.Core.Templates;
using Assay.Specs.Values;

namespace Assay.Specs.Experiments;

/// <summary>
/// The experiment's parameters with their values (file defaults, overridden by <c>--param</c>), and the
/// substitution of <c>${name}</c> in the scalars of <c>spec</c>.
/// </summary>
internal sealed partial class ParameterScope : IScalarRenderer
{
    private const string ParametersPath = "spec.parameters";
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly List<string> _declared = [];

    private ParameterScope()
    {
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>The value of every parameter that has one.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <param name="requireValues">
    /// True to run: a parameter without default needs a <c>--param</c>. False to validate only: the values
    /// using it are checked once it is known, not now.
    /// </param>
    public static ParameterScope Build(
        IReadOnlyList<ScalarPair>? declared, IReadOnlyDictionary<string, string> given, bool requireValues, DiagnosticBag diagnostics)
    {
        var scope = new ParameterScope();
        foreach (var (key, value) in declared ?? [])
        {
            if (!NamePattern().IsMatch(key.Text))
            {
                diagnostics.Error(key.Location, key.FieldPath, $"'{key.Text}' is not a valid parameter name",
                    "use letters, digits, '-' and '_', starting with a letter, e.g. users or target-url");
                continue;
            }
            scope._declared.Add(key.Text);
            if (given.TryGetValue(key.Text, out var overridden)) scope._values[key.Text] = overridden;
            else if (!value.IsNull) scope._values[key.Text] = value.Text;
            else if (requireValues)
            {
                diagnostics.Error(key.Location, key.FieldPath, $"parameter '{key.Text}' has no default and no value was given",
                    $"pass --param {key.Text}=VALUE");
            }
        }
        foreach (var name in given.Keys.Where(n => !scope._declared.Contains(n)).Order(StringComparer.Ordinal))
        {
            var hint = scope._declared.Count == 0
                ? "this experiment declares no parameters; add them under spec.parameters"
                : Suggestions.Closest(name, scope._declared) is { } closest
                    ? $"did you mean '{closest}'?"
                    : $"this experiment declares: {string.Join(", ", scope._declared)}";
            diagnostics.Error(null, "--param", $"unknown parameter '{name}'", hint);
        }
        return scope;
    }

    /// <summary>
    /// This scope with a variant's overrides applied (a <c>--param</c> still wins over them, as over any
    /// default). An override must name a declared parameter: that keeps the experiment's parameters the one
    /// list of what varies.
    /// </summary>
    public ParameterScope With(IReadOnlyList<ScalarPair>? overrides, IReadOnlyDictionary<string, string> given, DiagnosticBag diagnostics)
    {
        if (overrides is null || overrides.Count == 0) return this;
        var scope = new ParameterScope();
        scope._declared.AddRange(_declared);
        foreach (var (name, value) in _values) scope._values[name] = value;
        foreach (var (key, value) in overrides)
        {
            if (!_declared.Contains(key.Text))
            {
                var hint = Suggestions.Closest(key.Text, _declared) is { } closest
                    ? $"did you mean '{closest}'?"
                    : $"declare it under {ParametersPath} with its default, then override it here";
                diagnostics.Error(key.Location, key.FieldPath, $"'{key.Text}' is not a parameter of this experiment", hint);
                continue;
            }
            if (!given.ContainsKey(key.Text)) scope._values[key.Text] = value.Text;
        }
        return scope;
    }

    public RenderedScalar? Render(Scalar scalar, DiagnosticBag diagnostics, ref bool deferred)
    {
        var names = Template.Names(scalar.Text);
        var failed = false;
        var waiting = false;
        for (var i = 0; i < names.Count; i++)
        {
            if (_values.ContainsKey(names[i])) continue;
            if (_declared.Contains(names[i]))
            {
                waiting = true;
                continue;
            }
            failed = true;
            var hint = Suggestions.Closest(names[i], _declared) is { } closest
                ? $"did you mean '${{{closest}}}'?"
                : $"declare it under {ParametersPath}, e.g. parameters: {{{names[i]}: VALUE}}; write $${{ for a literal ${{";
            diagnostics.Error(Placeholders.Locate(scalar, i), scalar.FieldPath, $"'${{{names[i]}}}' names no parameter", hint);
        }
        if (failed) return null;
        if (waiting)
        {
            deferred = true;
            return null;
        }
        var text = Template.Render(scalar.Text, name => _values.GetValueOrDefault(name), out _);
        // A substituted value is read like an unquoted one: "${users}" with users=10 is the number 10.
        return new RenderedScalar(text, scalar.IsPlain || names.Count > 0);
    }
}

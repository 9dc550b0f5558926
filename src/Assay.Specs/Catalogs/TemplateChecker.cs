using Assay.Core.Diagnostics;
using Assay.Core.Templates;
using Assay.Specs.Values;

namespace Assay.Specs.Catalogs;

/// <summary>
/// Checks the placeholders of a catalog entry's templates without rendering them (the runtime renders them
/// per instance): each must be one of <see cref="TemplateVariables.Fixed"/>, <c>port.NAME</c> of a declared
/// port or <c>param.NAME</c> of a declared parameter.
/// </summary>
internal sealed class TemplateChecker(IReadOnlyList<string> ports, IReadOnlyCollection<string> parameters, DiagnosticBag diagnostics)
{
    private readonly string[] _allowed =
    [
        .. TemplateVariables.Fixed,
        .. ports.Select(p => TemplateVariables.PortPrefix + p),
        .. parameters.Select(p => TemplateVariables.ParamPrefix + p),
    ];

    /// <summary>Reports every unknown placeholder of <paramref name="scalar"/> at its own position.</summary>
    public bool Check(Scalar? scalar)
    {
        if (scalar is null) return true;
        var names = Template.Names(scalar.Text);
        var ok = true;
        for (var i = 0; i < names.Count; i++)
        {
            if (_allowed.Contains(names[i])) continue;
            ok = false;
            diagnostics.Error(Placeholders.Locate(scalar, i), scalar.FieldPath, $"unknown placeholder '${{{names[i]}}}'", Hint(names[i]));
        }
        return ok;
    }

    private string Hint(string name)
    {
        if (Suggestions.Closest(name, _allowed) is { } closest) return $"did you mean '${{{closest}}}'?";
        if (name.StartsWith(TemplateVariables.PortPrefix, StringComparison.Ordinal))
            return $"'{name[TemplateVariables.PortPrefix.Length..]}' is not in spec.ports ({string.Join(", ", ports)})";
        if (name.StartsWith(TemplateVariables.ParamPrefix, StringComparison.Ordinal))
            return $"'{name[TemplateVariables.ParamPrefix.Length..]}' is not in spec.parameters";
        return $"allowed: {string.Join(", ", TemplateVariables.Fixed.Select(f => "${" + f + "}"))}, ${{port.NAME}}, ${{param.NAME}}; write $${{ for a literal ${{";
    }
}

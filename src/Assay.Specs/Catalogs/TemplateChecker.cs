using Assay.Core.Diagnostics;
using Assay.Core.Templates;
using Assay.Specs.Values;

namespace Assay.Specs.Catalogs;

/// <summary>
/// Checks the placeholders of a catalog entry's templates without rendering them (the runtime renders them
/// per instance): each must be one of <see cref="TemplateVariables.Fixed"/>, <c>port.NAME</c> of a declared
/// port, <c>param.NAME</c> of a declared parameter, <c>secret.NAME</c>, or <c>link.LINK.host|port|port.NAME|url|endpoints</c>
/// of a declared link.
/// </summary>
internal sealed partial class TemplateChecker(IReadOnlyList<string> ports, IReadOnlyCollection<string> parameters, IReadOnlyList<string> links, DiagnosticBag diagnostics)
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^secret\.[a-z][a-z0-9_-]*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SecretPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^link\.(?<link>[a-z][a-z0-9-]*)\.(host|port|port\.[a-z][a-z0-9-]*|url|endpoints)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LinkPattern();

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
            if (_allowed.Contains(names[i]) || SecretPattern().IsMatch(names[i])) continue;
            if (LinkPattern().Match(names[i]) is { Success: true } link && links.Contains(link.Groups["link"].Value)) continue;
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
        if (name.StartsWith(TemplateVariables.LinkPrefix, StringComparison.Ordinal))
            return $"write ${{link.LINK.host}}, ${{link.LINK.port}}, ${{link.LINK.port.NAME}}, ${{link.LINK.url}} or ${{link.LINK.endpoints}} with LINK in spec.links ({string.Join(", ", links)})";
        return $"allowed: {string.Join(", ", TemplateVariables.Fixed.Select(f => "${" + f + "}"))}, ${{port.NAME}}, ${{param.NAME}}, ${{secret.NAME}}, ${{link.LINK.host|port|url|endpoints}}; write $${{ for a literal ${{";
    }
}

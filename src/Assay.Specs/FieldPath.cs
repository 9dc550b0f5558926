namespace Assay.Specs;

/// <summary>Field paths as diagnostics show them: <c>spec.variants[1].components[0].uses</c>.</summary>
internal static class FieldPath
{
    public static string Child(string parent, string name)
    {
        // A key that holds a dot or a space would read as two fields; quote it instead.
        var segment = name.Length == 0 || name.Any(c => c is '.' or ' ' or '[' or ']' or '"')
            ? $"[\"{name}\"]"
            : name;
        if (parent.Length == 0) return segment.StartsWith('[') ? segment : name;
        return segment.StartsWith('[') ? parent + segment : $"{parent}.{segment}";
    }

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}

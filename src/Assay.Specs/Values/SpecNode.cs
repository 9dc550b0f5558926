using Assay.Core.Diagnostics;
using Assay.Specs.Yaml;

namespace Assay.Specs.Values;

/// <summary>Something the user wrote, with its field path and where it starts, so errors can point at it.</summary>
public abstract record SpecNode(string FieldPath, SourceLocation Location);

/// <summary>
/// One value as written, before parameters are substituted and before it is converted to its type:
/// <c>connections: ${users}</c> is only a number once <c>users</c> is known.
/// </summary>
/// <param name="Text">The value after YAML unescaping.</param>
/// <param name="IsPlain">Unquoted: YAML's core schema may read it as a number, boolean or null.</param>
public sealed record Scalar(string Text, bool IsPlain, string FieldPath, SourceLocation Location)
    : SpecNode(FieldPath, Location)
{
    /// <summary>The value exactly as it appears in the file; placeholders inside it are located from this.</summary>
    internal string Raw { get; init; } = Text;

    public bool IsNull => IsPlain && CoreSchema.IsNull(Text);

    internal static Scalar From(YamlScalar node, string fieldPath) =>
        new(node.Value, node.IsPlain, fieldPath, node.Location) { Raw = node.Raw };
}

/// <summary>One entry of a mapping whose values are scalars (labels, headers, parameters).</summary>
public sealed record ScalarPair(Scalar Key, Scalar Value);

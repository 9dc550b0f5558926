using Assay.Core.Diagnostics;

namespace Assay.Specs.Yaml;

/// <summary>A node of a YAML document and the position it starts at.</summary>
public abstract record YamlNode(SourceLocation Location)
{
    /// <summary>What the node is, for messages such as "expected a number, got a list".</summary>
    public abstract string Describe();
}

/// <param name="Value">The scalar's text after YAML unescaping.</param>
/// <param name="IsPlain">Unquoted and untagged: only such scalars can be numbers, booleans or null (YAML 1.2 core schema).</param>
/// <param name="Raw">The scalar exactly as written in the file, quotes and escapes included; used to point at a part of it.</param>
public sealed record YamlScalar(string Value, bool IsPlain, string Raw, SourceLocation Location) : YamlNode(Location)
{
    public bool IsNull => IsPlain && CoreSchema.IsNull(Value);

    public override string Describe() => IsNull ? "null" : $"'{Value}'";
}

public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, SourceLocation Location) : YamlNode(Location)
{
    public override string Describe() => "a list";
}

public sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, SourceLocation Location) : YamlNode(Location)
{
    public override string Describe() => "a mapping";

    public YamlEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);
}

public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

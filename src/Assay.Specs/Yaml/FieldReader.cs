using Assay.Core.Diagnostics;
using Assay.Specs.Values;

namespace Assay.Specs.Yaml;

/// <summary>
/// Reads the fields of one YAML mapping by name, with their field paths. Reports, without stopping:
/// fields it does not know ("did you mean …?"), and values of the wrong shape (a list where a value
/// belongs, …). Values stay as <see cref="Scalar"/>s: converting them to their types comes later,
/// after parameters are substituted.
/// </summary>
internal sealed class FieldReader
{
    private readonly YamlMapping _mapping;
    private readonly DiagnosticBag _diagnostics;

    /// <param name="allowed">The field names this mapping may have; null when its keys are free (labels, thresholds).</param>
    private FieldReader(YamlMapping mapping, string path, DiagnosticBag diagnostics, IReadOnlyCollection<string>? allowed)
    {
        _mapping = mapping;
        Path = path;
        _diagnostics = diagnostics;
        if (allowed is null) return;
        foreach (var entry in mapping.Entries.Where(e => !allowed.Contains(e.Key.Value)))
        {
            diagnostics.Error(entry.Key.Location, FieldPath.Child(path, entry.Key.Value),
                $"unknown field '{entry.Key.Value}'", Suggestions.Hint(entry.Key.Value, allowed));
        }
    }

    public string Path { get; }

    public SourceLocation Location => _mapping.Location;

    /// <summary>A reader over <paramref name="node"/> when it is a mapping; null (with an error unless it is null) otherwise.</summary>
    public static FieldReader? Open(YamlNode? node, string path, DiagnosticBag diagnostics, IReadOnlyCollection<string>? allowed)
    {
        switch (node)
        {
            case YamlMapping mapping:
                return new FieldReader(mapping, path, diagnostics, allowed);
            case null:
            case YamlScalar { IsNull: true }:
                return null;
            default:
                WrongShape(node, path, "a mapping", diagnostics);
                return null;
        }
    }

    /// <summary>The keys as written, in file order.</summary>
    public IEnumerable<YamlScalar> Keys => _mapping.Entries.Select(e => e.Key);

    public bool Has(string name) => _mapping.Find(name) is not null;

    public YamlNode? Node(string name) => _mapping.Find(name)?.Value;

    public SourceLocation? KeyLocation(string name) => _mapping.Find(name)?.Key.Location;

    public string PathOf(string name) => FieldPath.Child(Path, name);

    /// <summary>A single value; null when absent or written as null.</summary>
    public Scalar? Scalar(string name) => AsScalar(Node(name), PathOf(name), _diagnostics);

    public FieldReader? Mapping(string name, IReadOnlyCollection<string>? allowed) =>
        Open(Node(name), PathOf(name), _diagnostics, allowed);

    /// <summary>A list of mappings, each opened with the same allowed fields; null when absent.</summary>
    public IReadOnlyList<FieldReader>? MappingList(string name, IReadOnlyCollection<string> allowed)
    {
        if (Sequence(name) is not { } sequence) return null;
        var path = PathOf(name);
        var readers = new List<FieldReader>();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = FieldPath.Item(path, i);
            if (sequence.Items[i] is YamlMapping) readers.Add(Open(sequence.Items[i], itemPath, _diagnostics, allowed)!);
            else WrongShape(sequence.Items[i], itemPath, "a mapping", _diagnostics);
        }
        return readers;
    }

    /// <summary>A list of single values; with <paramref name="allowSingle"/>, one value alone counts as a list of one.</summary>
    public IReadOnlyList<Scalar>? ScalarList(string name, bool allowSingle = false)
    {
        var node = Node(name);
        var path = PathOf(name);
        if (allowSingle && node is YamlScalar { IsNull: false } single) return [Values.Scalar.From(single, path)];
        if (Sequence(name) is not { } sequence) return null;
        var items = new List<Scalar>();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (AsScalar(sequence.Items[i], FieldPath.Item(path, i), _diagnostics) is { } item) items.Add(item);
        }
        return items;
    }

    /// <summary>A mapping of names to single values; with <paramref name="allowNull"/>, null values are kept.</summary>
    public IReadOnlyList<ScalarPair>? ScalarMap(string name, bool allowNull = false)
    {
        var node = Node(name);
        var path = PathOf(name);
        if (node is null or YamlScalar { IsNull: true }) return null;
        if (node is not YamlMapping mapping)
        {
            WrongShape(node, path, "a mapping", _diagnostics);
            return null;
        }
        var pairs = new List<ScalarPair>();
        foreach (var entry in mapping.Entries)
        {
            var entryPath = FieldPath.Child(path, entry.Key.Value);
            var key = Values.Scalar.From(entry.Key, entryPath);
            if (entry.Value is YamlScalar value && (allowNull || !value.IsNull))
            {
                pairs.Add(new ScalarPair(key, Values.Scalar.From(value, entryPath)));
                continue;
            }
            var expected = allowNull ? "a single value or null" : "a single value";
            if (entry.Value is YamlScalar) _diagnostics.Error(entry.Value.Location, entryPath, "a value is required here, not null", FieldInfo.ExampleHint(path));
            else WrongShape(entry.Value, entryPath, expected, _diagnostics);
        }
        return pairs;
    }

    private YamlSequence? Sequence(string name)
    {
        var node = Node(name);
        if (node is null or YamlScalar { IsNull: true }) return null;
        if (node is YamlSequence sequence) return sequence;
        WrongShape(node, PathOf(name), FieldInfo.For(PathOf(name))?.Type ?? "a list", _diagnostics);
        return null;
    }

    private static Scalar? AsScalar(YamlNode? node, string path, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case null:
            case YamlScalar { IsNull: true }:
                return null;
            case YamlScalar scalar:
                return Values.Scalar.From(scalar, path);
            default:
                var expected = path.EndsWith(']') ? "a single value" : FieldInfo.For(path)?.Type ?? "a single value";
                WrongShape(node, path, expected, diagnostics);
                return null;
        }
    }

    private static void WrongShape(YamlNode node, string path, string expected, DiagnosticBag diagnostics) =>
        diagnostics.Error(node.Location, path, $"expected {expected}, got {node.Describe()}", FieldInfo.ExampleHint(path));
}

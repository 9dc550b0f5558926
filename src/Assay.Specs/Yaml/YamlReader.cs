using Assay.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Assay.Specs.Yaml;

/// <summary>
/// Reads one YAML document into <see cref="YamlNode"/>s that keep their positions. It consumes YamlDotNet's
/// parser events rather than its representation model because the model throws on the first duplicate key,
/// which would hide every other problem in the file; here a duplicate is one more diagnostic.
/// </summary>
internal sealed class YamlReader
{
    private readonly string _file;
    private readonly string _text;
    private readonly DiagnosticBag _diagnostics;
    private readonly Parser _parser;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private Mark _lastMark = Mark.Empty;

    private YamlReader(string file, string text, DiagnosticBag diagnostics)
    {
        _file = file;
        _text = text;
        _diagnostics = diagnostics;
        _parser = new Parser(new StringReader(text));
    }

    /// <summary>The document's root node, or null when the text is empty or not valid YAML (with a diagnostic).</summary>
    public static YamlNode? Read(string file, string text, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new YamlReader(file, text, diagnostics).ReadDocument();
    }

    private YamlNode? ReadDocument()
    {
        try
        {
            Next<StreamStart>();
            Advance();
            if (Current is StreamEnd)
            {
                _diagnostics.Error(new SourceLocation(_file, 1, 1), "", "the file is empty");
                return null;
            }
            Expect<DocumentStart>();
            Advance();
            var root = ReadNode("");
            Expect<DocumentEnd>();
            if (_parser.MoveNext() && Current is DocumentStart extra)
            {
                _diagnostics.Error(At(extra.Start), "", "the file holds more than one YAML document",
                    "keep one document per file; remove the '---' separator and what follows it");
            }
            return root;
        }
        catch (YamlException e)
        {
            _diagnostics.Error(At(e.Start), "", $"invalid YAML: {e.Message}", "check the indentation, quotes and brackets here");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException for some unclosed flow collections
            // (e.g. "a: [1, 2" followed by more keys); the last event it read is the best position we have.
            _diagnostics.Error(At(_lastMark), "", "invalid YAML: a list or mapping written with [ ] or { } is not closed",
                "check the brackets and quotes after this position");
            return null;
        }
    }

    private ParsingEvent Current => _parser.Current ?? throw new InvalidOperationException("The YAML parser has no current event.");

    /// <param name="path">The node's field path, for diagnostics about its keys.</param>
    private YamlNode? ReadNode(string path)
    {
        var node = Current switch
        {
            Scalar scalar => ReadScalar(scalar),
            SequenceStart start => ReadSequence(start, path),
            MappingStart start => ReadMapping(start, path),
            AnchorAlias alias => ReadAlias(alias),
            var other => throw new YamlException(other.Start, other.End, $"unexpected {other.GetType().Name}"),
        };
        return node;
    }

    private YamlScalar ReadScalar(Scalar scalar)
    {
        // Plain means "typed by the core schema"; an explicit tag such as !!str opts out of that.
        var isPlain = scalar.Style == ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific);
        var raw = Slice(scalar.Start, scalar.End);
        var node = new YamlScalar(scalar.Value, isPlain, raw, At(scalar.Start));
        Remember(scalar.Anchor, node);
        Advance();
        return node;
    }

    private YamlSequence ReadSequence(SequenceStart start, string path)
    {
        Advance();
        var items = new List<YamlNode>();
        while (Current is not SequenceEnd)
        {
            if (ReadNode(FieldPath.Item(path, items.Count)) is { } item) items.Add(item);
        }
        Advance();
        var node = new YamlSequence(items, At(start.Start));
        Remember(start.Anchor, node);
        return node;
    }

    private YamlMapping ReadMapping(MappingStart start, string path)
    {
        Advance();
        var entries = new List<YamlEntry>();
        while (Current is not MappingEnd)
        {
            var key = ReadNode(path);
            var value = ReadNode(key is YamlScalar named ? FieldPath.Child(path, named.Value) : path);
            if (key is not YamlScalar scalarKey || scalarKey.IsNull)
            {
                if (key is not null)
                    _diagnostics.Error(key.Location, path, "a key must be a name, not a list, a mapping or null", "write key: value");
                continue;
            }
            var first = entries.FirstOrDefault(e => e.Key.Value == scalarKey.Value);
            if (first is not null)
            {
                _diagnostics.Error(scalarKey.Location, FieldPath.Child(path, scalarKey.Value), $"duplicate key '{scalarKey.Value}'",
                    $"it is already set at line {first.Key.Location.Line}; remove one of them");
                continue;
            }
            if (value is not null) entries.Add(new YamlEntry(scalarKey, value));
        }
        Advance();
        var node = new YamlMapping(entries, At(start.Start));
        Remember(start.Anchor, node);
        return node;
    }

    private YamlNode? ReadAlias(AnchorAlias alias)
    {
        Advance();
        if (_anchors.TryGetValue(alias.Value.Value, out var node)) return node;
        _diagnostics.Error(At(alias.Start), "", $"alias '*{alias.Value.Value}' names no anchor", "define '&name' before using '*name'");
        return null;
    }

    private void Remember(YamlDotNet.Core.AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
    }

    private void Next<T>() where T : ParsingEvent
    {
        Advance();
        Expect<T>();
    }

    private void Expect<T>() where T : ParsingEvent
    {
        if (Current is not T)
            throw new YamlException(Current.Start, Current.End, $"expected {typeof(T).Name}, found {Current.GetType().Name}");
    }

    private void Advance()
    {
        if (_parser.Current is { } current) _lastMark = current.End;
        if (!_parser.MoveNext())
            throw new YamlException(_lastMark, _lastMark, "unexpected end of the document");
    }

    private string Slice(Mark start, Mark end)
    {
        var from = (int)Math.Clamp(start.Index, 0, _text.Length);
        var to = (int)Math.Clamp(end.Index, from, _text.Length);
        return _text[from..to];
    }

    private SourceLocation At(Mark mark) => new(_file, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));
}

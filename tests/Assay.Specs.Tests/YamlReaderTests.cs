using Assay.Specs.Yaml;

namespace Assay.Specs.Tests;

public class YamlReaderTests
{
    [Fact]
    public void Positions_are_one_based_lines_and_columns()
    {
        var bag = new DiagnosticBag();
        var root = Assert.IsType<YamlMapping>(YamlReader.Read("f.yaml", "a: 1\nb:\n  - x\n  - {c: 'q'}\n", bag));
        Assert.False(bag.HasErrors);
        Assert.Equal((1, 1), (root.Entries[0].Key.Location.Line, root.Entries[0].Key.Location.Column));
        Assert.Equal((1, 4), (root.Entries[0].Value.Location.Line, root.Entries[0].Value.Location.Column));
        var list = Assert.IsType<YamlSequence>(root.Entries[1].Value);
        Assert.Equal((3, 5), (list.Items[0].Location.Line, list.Items[0].Location.Column));
        var inner = Assert.IsType<YamlMapping>(list.Items[1]);
        var quoted = Assert.IsType<YamlScalar>(inner.Entries[0].Value);
        Assert.False(quoted.IsPlain);
        Assert.Equal("'q'", quoted.Raw);
        Assert.Equal((4, 9), (quoted.Location.Line, quoted.Location.Column));
    }

    [Fact]
    public void Malformed_yaml_is_one_diagnostic_at_the_parser_mark()
    {
        var bag = new DiagnosticBag();
        Assert.Null(YamlReader.Read("f.yaml", "a: 1\nb: [1, 2\n", bag));
        var error = Assert.Single(bag.Sorted());
        Assert.StartsWith("invalid YAML", error.Message, StringComparison.Ordinal);
        Assert.Equal(("f.yaml", 3, 1), (error.Location!.File, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void An_unclosed_flow_list_followed_by_keys_is_reported_not_thrown()
    {
        // YamlDotNet throws InvalidOperationException (not YamlException) for this one.
        var bag = new DiagnosticBag();
        Assert.Null(YamlReader.Read("f.yaml", "a: [1, 2\nb: 3\n", bag));
        var error = Assert.Single(bag.Sorted());
        Assert.Contains("not closed", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Location!.Line);
    }

    [Fact]
    public void Bad_indentation_points_at_the_line()
    {
        var bag = new DiagnosticBag();
        Assert.Null(YamlReader.Read("f.yaml", "a: 1\n  b: 3\n", bag));
        Assert.Equal(2, Assert.Single(bag.Sorted()).Location!.Line);
    }

    [Fact]
    public void Duplicate_keys_are_each_reported_and_the_first_value_is_kept()
    {
        var bag = new DiagnosticBag();
        var root = Assert.IsType<YamlMapping>(YamlReader.Read("f.yaml", "a: 1\nb: 2\na: 3\nc:\n  d: 1\n  d: 2\n", bag));
        var errors = bag.Sorted();
        Assert.Equal(2, errors.Count);
        Assert.Equal("duplicate key 'a'", errors[0].Message);
        Assert.Equal((3, 1), (errors[0].Location!.Line, errors[0].Location!.Column));
        Assert.Equal("it is already set at line 1; remove one of them", errors[0].Hint);
        Assert.Equal((6, 3), (errors[1].Location!.Line, errors[1].Location!.Column));
        Assert.Equal("1", Assert.IsType<YamlScalar>(root.Find("a")!.Value).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void An_empty_file_is_an_error(string text)
    {
        var bag = new DiagnosticBag();
        Assert.Null(YamlReader.Read("f.yaml", text, bag));
        Assert.Equal("the file is empty", Assert.Single(bag.Sorted()).Message);
    }

    [Fact]
    public void A_second_document_is_an_error_at_its_separator()
    {
        var bag = new DiagnosticBag();
        Assert.NotNull(YamlReader.Read("f.yaml", "a: 1\n---\nb: 2\n", bag));
        var error = Assert.Single(bag.Sorted());
        Assert.Contains("more than one YAML document", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Location!.Line);
    }

    [Fact]
    public void Aliases_resolve_to_their_anchor_and_unknown_ones_are_reported()
    {
        var bag = new DiagnosticBag();
        var root = Assert.IsType<YamlMapping>(YamlReader.Read("f.yaml", "a: &x {b: 1}\nc: *x\n", bag));
        Assert.False(bag.HasErrors);
        Assert.Same(root.Find("a")!.Value, root.Find("c")!.Value);

        var bad = new DiagnosticBag();
        YamlReader.Read("f.yaml", "a: 1\nc: *nope\n", bad);
        Assert.True(bad.HasErrors);
    }

    [Theory]
    [InlineData("~", true)]
    [InlineData("null", true)]
    [InlineData("", true)]
    [InlineData("'null'", false)]
    [InlineData("!!str null", false)]
    [InlineData("0", false)]
    public void Null_follows_the_core_schema(string value, bool isNull)
    {
        var bag = new DiagnosticBag();
        var root = Assert.IsType<YamlMapping>(YamlReader.Read("f.yaml", $"a: {value}\n", bag));
        Assert.Equal(isNull, Assert.IsType<YamlScalar>(root.Entries[0].Value).IsNull);
    }

    [Theory]
    [InlineData("10", true, 10)]
    [InlineData("-3", true, -3)]
    [InlineData("0x1F", true, 31)]
    [InlineData("0o17", true, 15)]
    [InlineData("1.5", false, 0)]
    [InlineData("ten", false, 0)]
    [InlineData("1_000", false, 0)]
    public void Integers_follow_the_core_schema(string text, bool ok, long expected)
    {
        Assert.Equal(ok, CoreSchema.TryInteger(text, out var value));
        if (ok) Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.5", true)]
    [InlineData(".5", true)]
    [InlineData("1e3", true)]
    [InlineData("-2", true)]
    [InlineData(".inf", false)]
    [InlineData("1,5", false)]
    public void Numbers_follow_the_core_schema(string text, bool ok) =>
        Assert.Equal(ok, CoreSchema.TryNumber(text, out _));
}

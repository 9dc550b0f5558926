using Assay.Core.Templates;

namespace Assay.Core.Tests.Templates;

public class TemplateTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["host"] = "127.0.0.1",
        ["port"] = "8080",
    };

    [Fact]
    public void Names_lists_placeholders_in_order_of_appearance_repeats_included() =>
        Assert.Equal(["port", "host", "port"], Template.Names("${port} on ${host}, again ${port}"));

    [Fact]
    public void Names_trims_spaces_inside_the_braces() =>
        Assert.Equal(["port"], Template.Names("listen ${ port }"));

    [Theory]
    [InlineData("no placeholders here")]
    [InlineData("price: $5 or $$6")]
    [InlineData("an ${unclosed placeholder")]
    [InlineData("empty ${} braces")]
    [InlineData("escaped $${port}")]
    public void Text_without_a_real_placeholder_has_no_names(string text) =>
        Assert.Empty(Template.Names(text));

    [Fact]
    public void Render_replaces_every_placeholder_it_can_resolve()
    {
        var text = Template.Render("http://${host}:${port}/", name => Values.GetValueOrDefault(name), out var missing);
        Assert.Equal("http://127.0.0.1:8080/", text);
        Assert.Empty(missing);
    }

    [Fact]
    public void Render_leaves_unknown_placeholders_in_the_text_and_reports_them()
    {
        var text = Template.Render("${host}:${port} as ${user} in ${dir}", name => name == "host" ? "localhost" : null, out var missing);
        Assert.Equal("localhost:${port} as ${user} in ${dir}", text);
        Assert.Equal(["port", "user", "dir"], missing);
    }

    [Fact]
    public void A_dollar_dollar_brace_writes_a_literal_placeholder_even_when_the_name_is_known()
    {
        var text = Template.Render("$${port} is ${port}", name => Values.GetValueOrDefault(name), out var missing);
        Assert.Equal("${port} is 8080", text);
        Assert.Empty(missing);
    }

    [Fact]
    public void Dollars_not_followed_by_a_brace_are_kept_as_written() =>
        Assert.Equal("$5 and $$ and $", Template.Render("$5 and $$ and $", Values));

    [Fact]
    public void Rendering_with_a_dictionary_returns_the_text_when_every_name_is_defined() =>
        Assert.Equal("127.0.0.1:8080", Template.Render("${host}:${port}", Values));

    [Fact]
    public void Rendering_with_a_dictionary_throws_naming_the_missing_placeholders()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Template.Render("${host}:${port}/${path}?${query}", Values));
        Assert.Equal("Template '${host}:${port}/${path}?${query}' uses undefined placeholder(s): path, query.", error.Message);
    }

    [Theory]
    [InlineData("${connections}", true)]
    [InlineData("${ connections }", true)]
    [InlineData("${a}b", false)]
    [InlineData("a${b}", false)]
    [InlineData("${a}${b}", false)]
    [InlineData("$${a}", false)]
    [InlineData("${a", false)]
    [InlineData("connections", false)]
    [InlineData("", false)]
    public void IsSinglePlaceholder_is_true_only_when_the_whole_text_is_one_placeholder(string text, bool expected) =>
        Assert.Equal(expected, Template.IsSinglePlaceholder(text));

    [Fact]
    public void Empty_braces_are_not_a_single_placeholder_because_they_name_nothing()
    {
        Assert.Empty(Template.Names("${}"));
        Assert.False(Template.IsSinglePlaceholder("${}"));
    }
}

using Assay.Reporting.Slo;

namespace Assay.Reporting.Tests.Slo;

public sealed class LabelMatcherTests
{
    [Theory]
    [InlineData("job=api", "job", MatchOperator.Equal, "api", "job=\"api\"")]
    [InlineData("path!=/health", "path", MatchOperator.NotEqual, "/health", "path!=\"/health\"")]
    [InlineData("status=~5..", "status", MatchOperator.Regex, "5..", "status=~\"5..\"")]
    [InlineData("status!~2..", "status", MatchOperator.NotRegex, "2..", "status!~\"2..\"")]
    [InlineData("code=~\"5..|429\"", "code", MatchOperator.Regex, "5..|429", "code=~\"5..|429\"")]
    [InlineData(" job = api ", "job", MatchOperator.Equal, "api", "job=\"api\"")]
    [InlineData("env=", "env", MatchOperator.Equal, "", "env=\"\"")]
    public void Matchers_parse_as_users_write_them_and_print_as_promql(string text, string name, MatchOperator op, string value, string promQl)
    {
        var matcher = LabelMatcher.Parse(text, out var error);

        Assert.Null(error);
        Assert.Equal(new LabelMatcher(name, op, value), matcher);
        Assert.Equal(promQl, matcher!.ToPromQl());
    }

    [Fact]
    public void Quotes_and_backslashes_in_values_are_escaped_for_promql()
    {
        Assert.Equal("path=~\"/api/\\\\d+\"", new LabelMatcher("path", MatchOperator.Regex, @"/api/\d+").ToPromQl());
        Assert.Equal("msg=\"say \\\"hi\\\"\\n\"", new LabelMatcher("msg", MatchOperator.Equal, "say \"hi\"\n").ToPromQl());
    }

    [Theory]
    [InlineData("job", "not a label matcher")]
    [InlineData("=api", "is not a label name")]
    [InlineData("1job=api", "is not a label name")]
    [InlineData("job-name=api", "is not a label name")]
    [InlineData("__name__=up", "reserved")]
    [InlineData("status=~5..(", "not a regular expression")]
    public void Mistakes_are_refused_with_the_fix(string text, string message)
    {
        Assert.Null(LabelMatcher.Parse(text, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}

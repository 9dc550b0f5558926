using System.Text;
using System.Text.RegularExpressions;

namespace Assay.Reporting.Slo;

/// <summary>How a PromQL label matcher compares: <c>=</c>, <c>!=</c>, <c>=~</c>, <c>!~</c>.</summary>
public enum MatchOperator
{
    Equal,
    NotEqual,
    Regex,
    NotRegex,
}

/// <summary>
/// One PromQL label matcher, e.g. <c>job="api"</c> or <c>status=~"5.."</c>, as users write it on the command
/// line (<c>job=api</c>, <c>status=~5..</c>; quotes around the value are optional).
/// </summary>
public sealed partial record LabelMatcher(string Name, MatchOperator Operator, string Value)
{
    public const string Hint = "write NAME=VALUE, NAME!=VALUE, NAME=~REGEX or NAME!~REGEX, e.g. job=api or status=~5..";

    [GeneratedRegex(@"^\s*(?<name>[^=!~\s]*)\s*(?<op>=~|!~|!=|=)(?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelName();

    /// <summary>Parses a matcher; null and an error message with the fix when it is not one.</summary>
    public static LabelMatcher? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            error = $"'{text}' is not a label matcher; {Hint}";
            return null;
        }
        var name = match.Groups["name"].Value;
        if (!LabelName().IsMatch(name))
        {
            error = $"'{name}' in '{text}' is not a label name; label names are letters, digits and _, not starting with a digit ({Hint})";
            return null;
        }
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            error = $"label '{name}' is reserved for Prometheus' internal use; name a label of the metric instead";
            return null;
        }
        var value = Unquote(match.Groups["value"].Value.Trim());
        var op = match.Groups["op"].Value switch
        {
            "!=" => MatchOperator.NotEqual,
            "=~" => MatchOperator.Regex,
            "!~" => MatchOperator.NotRegex,
            _ => MatchOperator.Equal,
        };
        if (op is MatchOperator.Regex or MatchOperator.NotRegex && !IsRegex(value))
        {
            error = $"'{value}' in '{text}' is not a regular expression; check its brackets and escapes";
            return null;
        }
        return new LabelMatcher(name, op, value);
    }

    /// <summary>The matcher in PromQL, its value a double-quoted string with backslashes, quotes and line breaks escaped.</summary>
    public string ToPromQl() => $"{Name}{OperatorText}\"{Escape(Value)}\"";

    public override string ToString() => ToPromQl();

    private string OperatorText => Operator switch
    {
        MatchOperator.NotEqual => "!=",
        MatchOperator.Regex => "=~",
        MatchOperator.NotRegex => "!~",
        _ => "=",
    };

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    // Prometheus uses RE2, which .NET's engine accepts a superset of: this catches the common mistakes
    // (unbalanced brackets, a dangling escape) and promtool catches the rest.
    private static bool IsRegex(string value)
    {
        try
        {
            _ = new Regex(value, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\\' => @"\\",
                '"' => "\\\"",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}

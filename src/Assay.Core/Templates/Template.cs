using System.Text;

namespace Assay.Core.Templates;

/// <summary>
/// <c>${name}</c> placeholders in strings. Shared by experiment parameters and catalog templates so
/// both mean the same thing; <c>$${</c> writes a literal <c>${</c>.
/// </summary>
public static class Template
{
    /// <summary>The placeholder names a text uses, in order of appearance.</summary>
    public static IReadOnlyList<string> Names(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new List<string>();
        Scan(text, name => { names.Add(name); return ""; }, out _);
        return names;
    }

    /// <summary>
    /// Replaces every placeholder with <paramref name="lookup"/>'s value; names it cannot resolve are
    /// returned in <paramref name="missing"/> and left in the text as written.
    /// </summary>
    public static string Render(string text, Func<string, string?> lookup, out IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lookup);
        var notFound = new List<string>();
        var result = Scan(text, name =>
        {
            var value = lookup(name);
            if (value is null) notFound.Add(name);
            return value ?? "${" + name + "}";
        }, out _);
        missing = notFound;
        return result;
    }

    /// <summary>Renders with a dictionary; throws when a name is missing (validation should have caught it).</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var rendered = Render(text, name => values.TryGetValue(name, out var v) ? v : null, out var missing);
        if (missing.Count > 0)
            throw new InvalidOperationException($"Template '{text}' uses undefined placeholder(s): {string.Join(", ", missing)}.");
        return rendered;
    }

    /// <summary>True when the whole text is exactly one placeholder, e.g. <c>${connections}</c>.</summary>
    public static bool IsSinglePlaceholder(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Longer than "${}": empty braces are literal text to Names and Render, so not a placeholder here either.
        return text.Length > 3
            && text.StartsWith("${", StringComparison.Ordinal)
            && text.EndsWith('}')
            && text.IndexOf('}', StringComparison.Ordinal) == text.Length - 1;
    }

    private static string Scan(string text, Func<string, string> replace, out int count)
    {
        count = 0;
        if (!text.Contains('$', StringComparison.Ordinal)) return text;
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                sb.Append("${");
                i += 3;
                continue;
            }
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = text.IndexOf('}', i + 2);
                if (end > i + 2)
                {
                    sb.Append(replace(text.Substring(i + 2, end - i - 2).Trim()));
                    count++;
                    i = end + 1;
                    continue;
                }
            }
            sb.Append(text[i]);
            i++;
        }
        return sb.ToString();
    }
}

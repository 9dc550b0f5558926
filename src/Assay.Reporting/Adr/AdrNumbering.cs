using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Assay.Reporting.Adr;

/// <summary>ADR files are <c>NNNN-slug.md</c>, numbered on from the highest number already in the folder.</summary>
public static partial class AdrNumbering
{
    private const int MaxSlugLength = 60;

    /// <summary>The number after the highest <c>NNNN-*.md</c> among the file names; 1 when there is none.</summary>
    public static int Next(IEnumerable<string> fileNames)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        var numbers = fileNames
            .Select(Path.GetFileName)
            .Select(name => AdrFile().Match(name ?? ""))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToList();
        return numbers.Count == 0 ? 1 : numbers.Max() + 1;
    }

    /// <summary><c>0009-http-baseline-nginx-or-caddy.md</c>: the number in four digits and the title's slug.</summary>
    public static string FileName(int number, string title)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{number:0000}-{Slug(title)}.md");
    }

    /// <summary>Lower-case ASCII letters and digits, runs of anything else as one hyphen, cut at a word near 60 characters.</summary>
    public static string Slug(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var builder = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') builder.Append(c);
            else if (Folded(c) is { } ascii) builder.Append(ascii);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxSlugLength)
        {
            var cut = slug.LastIndexOf('-', MaxSlugLength);
            slug = slug[..(cut > 0 ? cut : MaxSlugLength)];
        }
        return slug.Length == 0 ? "decision" : slug;
    }

    // Latin letters with accents as their base letter, by table: string.Normalize needs ICU, which the lab's
    // globalization-invariant builds do not load, and the same title must give the same file name everywhere.
    private static string? Folded(char c)
    {
        foreach (var (accented, ascii) in Accents)
            if (accented.Contains(c, StringComparison.Ordinal)) return ascii;
        return null;
    }

    private static readonly (string Accented, string Ascii)[] Accents =
    [
        ("àáâãäåā", "a"), ("æ", "ae"), ("çćč", "c"), ("ď", "d"), ("èéêëēě", "e"), ("ìíîïī", "i"), ("ł", "l"), ("ñńň", "n"),
        ("òóôõöøō", "o"), ("œ", "oe"), ("řŕ", "r"), ("śšş", "s"), ("ß", "ss"), ("ťţ", "t"), ("ùúûüūů", "u"), ("ýÿ", "y"), ("źżž", "z"),
    ];

    [GeneratedRegex(@"^(\d{4})-.*\.md$", RegexOptions.CultureInvariant)]
    private static partial Regex AdrFile();
}

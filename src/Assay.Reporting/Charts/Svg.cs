using System.Globalization;
using System.Net;

namespace Assay.Reporting.Charts;

/// <summary>Small helpers every chart shares: escaping, invariant coordinates, the palette.</summary>
internal static class Svg
{
    /// <summary>
    /// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, and dark enough on white.
    /// Series past the eighth repeat colours with a dash pattern.
    /// </summary>
    private static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#7F7F00"];

    public static string Color(int index) => Palette[index % Palette.Length];

    public static string? Dash(int index) => index < Palette.Length ? null : "6 3";

    /// <summary>Text for element content and attribute values: markup characters and quotes escaped.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A coordinate with one decimal in the invariant culture: small files, no commas for decimal points.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A class or id made of lowercase letters, digits and dashes.</summary>
    public static string Slug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "chart" : slug;
    }
}

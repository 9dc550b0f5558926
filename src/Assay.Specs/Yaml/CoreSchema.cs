using System.Globalization;
using System.Text.RegularExpressions;

namespace Assay.Specs.Yaml;

/// <summary>
/// How YAML 1.2's core schema types a plain scalar: <c>null</c>/<c>~</c>/empty, <c>true</c>/<c>false</c>,
/// integers (decimal, <c>0o</c>, <c>0x</c>) and floats. Quoted scalars are always strings. JSON Schema
/// tools read YAML this way, so the parser must too, or a file valid for one would be invalid for the other.
/// </summary>
internal static partial class CoreSchema
{
    [GeneratedRegex("^(null|Null|NULL|~|)$", RegexOptions.CultureInvariant)]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$", RegexOptions.CultureInvariant)]
    private static partial Regex BoolPattern();

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();

    [GeneratedRegex("^0o[0-7]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OctalPattern();

    [GeneratedRegex("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex SpecialFloatPattern();

    public static bool IsNull(string text) => NullPattern().IsMatch(text);

    public static bool IsBool(string text) => BoolPattern().IsMatch(text);

    public static bool TryInteger(string text, out long value)
    {
        value = 0;
        if (DecimalPattern().IsMatch(text))
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        if (OctalPattern().IsMatch(text))
        {
            try
            {
                value = Convert.ToInt64(text[2..], 8);
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }
        return HexPattern().IsMatch(text)
            && long.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>An integer or a float of the core schema; infinities and NaN are not accepted as numbers here.</summary>
    public static bool TryNumber(string text, out double value)
    {
        if (TryInteger(text, out var integer))
        {
            value = integer;
            return true;
        }
        value = 0;
        return FloatPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static bool IsSpecialFloat(string text) => SpecialFloatPattern().IsMatch(text);
}

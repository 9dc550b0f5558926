using System.Globalization;
using System.Text.RegularExpressions;
using Assay.Specs.Yaml;

namespace Assay.Specs.Values;

internal sealed partial class ValueReader
{
    [GeneratedRegex(@"^\s*(?<n>[^%\s]+)\s*%\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PercentPattern();

    /// <summary>
    /// A share strictly between 0 and 1, written as a fraction (<c>0.05</c>) or a percentage (<c>5%</c>); the fraction
    /// comes out. A number of 1 or more is reported with both spellings, since <c>95</c> most likely meant 95%.
    /// </summary>
    public double? Fraction(Scalar? scalar)
    {
        if (Render(scalar) is not { } value) return null;
        var example = FieldInfo.ExampleHint(scalar!.FieldPath) ?? "e.g. 5% or 0.05";
        double fraction;
        if (PercentPattern().Match(value.Text) is { Success: true } percent && CoreSchema.TryNumber(percent.Groups["n"].Value, out var number))
        {
            fraction = number / 100;
        }
        else if (value.IsPlain && CoreSchema.TryNumber(value.Text, out number))
        {
            fraction = number;
        }
        else
        {
            Error(scalar, $"expected a fraction or a percentage, got '{value.Text}'", $"write 5% or 0.05; {example}");
            return null;
        }
        if (fraction > 0 && fraction < 1) return fraction;
        var asPercent = string.Create(CultureInfo.InvariantCulture, $"{value.Text.TrimEnd('%', ' ')}%");
        var hint = !value.Text.Contains('%', StringComparison.Ordinal) && fraction >= 1 && fraction < 100
            ? $"a fraction is below 1: write {asPercent} or {string.Create(CultureInfo.InvariantCulture, $"{fraction / 100}")}"
            : example;
        Error(scalar, $"must be above 0% and below 100%, got {value.Text}", hint);
        return null;
    }

    /// <summary>A percentage as a number of percent: <c>99.9</c> or <c>99.9%</c> are both 99.9. The range is the caller's to check.</summary>
    public double? Percent(Scalar? scalar)
    {
        if (Render(scalar) is not { } value) return null;
        if (PercentPattern().Match(value.Text) is { Success: true } percent && CoreSchema.TryNumber(percent.Groups["n"].Value, out var number))
            return number;
        if (value.IsPlain && CoreSchema.TryNumber(value.Text, out number)) return number;
        WrongType(scalar!, value);
        return null;
    }
}

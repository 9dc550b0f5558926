using System.Globalization;

namespace Assay.Testing;

/// <summary>
/// A culture that writes numbers the German way (1.234,5), to prove that output stays in the invariant
/// culture whatever the user's: de-DE where it exists. InvariantGlobalization is on in this repository,
/// so de-DE cannot be created (or has no German data); then it is the invariant culture with its
/// separators swapped.
/// </summary>
public static class CommaCulture
{
    public static CultureInfo Create()
    {
        var german = German();
        return german is not null && 1234.5.ToString("N1", german) == "1.234,5" ? german : SwappedInvariant();
    }

    /// <summary>Runs <paramref name="action"/> with the comma culture as the current culture, then restores the previous one.</summary>
    public static T Run<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Create();
        try
        {
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    private static CultureInfo? German()
    {
        try
        {
            return CultureInfo.GetCultureInfo("de-DE");
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    private static CultureInfo SwappedInvariant()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var numbers = culture.NumberFormat;
        numbers.NumberDecimalSeparator = ",";
        numbers.NumberGroupSeparator = ".";
        numbers.PercentDecimalSeparator = ",";
        numbers.PercentGroupSeparator = ".";
        numbers.CurrencyDecimalSeparator = ",";
        numbers.CurrencyGroupSeparator = ".";
        return culture;
    }
}

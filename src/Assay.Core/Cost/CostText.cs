using System.Globalization;

namespace Assay.Core.Cost;

/// <summary>Money and figures in assumption texts, in the invariant culture so a result reads the same everywhere.</summary>
public static class CostText
{
    /// <summary>US dollars with up to six decimals: <c>$0.134012</c>, <c>$0.008889</c>, <c>$195.66</c>.</summary>
    public static string Dollars(double value) =>
        "$" + value.ToString(Math.Abs(value) >= 1 ? "0.##" : "0.######", CultureInfo.InvariantCulture);

    /// <summary>A plain figure with up to four decimals: <c>7.4607</c>, <c>1333.3333</c>.</summary>
    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Assay.Apps.Tests.Checks;

/// <summary>One sample line of the Prometheus text format: <c>name{label="value",…} number</c>.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public bool Has(params (string Label, string Value)[] labels) =>
        labels.All(pair => Labels.TryGetValue(pair.Label, out var value) && value == pair.Value);
}

/// <summary>Just enough of a Prometheus text-format reader to check names, labels and values in tests.</summary>
internal static partial class PrometheusText
{
    public static IReadOnlyList<PrometheusSample> Parse(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(ParseLine)
            .ToList();

    /// <summary>The samples named <paramref name="name"/> that carry all of <paramref name="labels"/>.</summary>
    public static IReadOnlyList<PrometheusSample> Find(this IReadOnlyList<PrometheusSample> samples, string name, params (string Label, string Value)[] labels) =>
        samples.Where(sample => sample.Name == name && sample.Has(labels)).ToList();

    /// <summary>The value of the one sample named <paramref name="name"/> with <paramref name="labels"/>, or 0 when absent.</summary>
    public static double ValueOf(this IReadOnlyList<PrometheusSample> samples, string name, params (string Label, string Value)[] labels) =>
        samples.Find(name, labels) switch
        {
            [] => 0,
            [var one] => one.Value,
            var many => throw new InvalidOperationException($"{many.Count} samples of {name} match; name more labels."),
        };

    private static PrometheusSample ParseLine(string line)
    {
        var match = SampleLine().Match(line);
        if (!match.Success)
        {
            throw new FormatException($"Not a Prometheus sample line: '{line}'.");
        }

        var labels = LabelPair().Matches(match.Groups["labels"].Value)
            .ToDictionary(pair => pair.Groups["name"].Value, pair => pair.Groups["value"].Value);
        var value = match.Groups["value"].Value switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new PrometheusSample(match.Groups["name"].Value, labels, value);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}

using System.Text.RegularExpressions;
using Assay.Core.Results;
using Assay.Testing;

namespace Assay.Reporting.Tests.Report;

/// <summary>The run every report test renders: the builder's fixed run with all of its evidence, and its experiment text.</summary>
internal static partial class ReportFixture
{
    public static RunResultBuilder Builder { get; } = new() { WithEvidence = true };

    public static RunResult Result { get; } = Builder.Build();

    public static string ExperimentText { get; } = Builder.BuildRecord().ExperimentText;

    /// <summary>
    /// The report with what changes from build to build replaced: the versions of Assay and .NET. (The fixture's
    /// times are fixed, but they are scrubbed too, so a golden file never pins a clock.)
    /// </summary>
    public static string Scrub(string report) =>
        Times().Replace(Versions().Replace(report, m => $"{m.Groups[1].Value}<version> |"), "<time>");

    [GeneratedRegex(@"^(\| (?:Assay|\\\.NET|\.NET) \| ).*? \|$", RegexOptions.Multiline)]
    private static partial Regex Versions();

    [GeneratedRegex(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC")]
    private static partial Regex Times();
}

using Assay.Core.Results;
using Assay.Reporting.Text;

namespace Assay.Reporting.Report;

/// <summary>Where and how the run measured, as name–value rows: enough to judge whether two runs compare. Pure.</summary>
public static class EnvironmentTable
{
    public static ReportTable For(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var e = result.Environment;
        var m = e.Machine;
        var rows = new List<(string, string)>
        {
            ("Run", result.RunId),
            ("Experiment", $"{result.Experiment} ({result.ExperimentFile})"),
            ("Started", result.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture)),
            ("Duration", Formats.Seconds(result.DurationSeconds) + " s"),
            ("Machine", $"{m.Hostname}, {m.Os}"),
            ("CPU", $"{m.CpuModel}, {m.LogicalCpus} logical CPUs"),
            ("Memory", Formats.Bytes(m.MemoryBytes)),
            ("Kernel", m.Kernel),
            ("Runtime", e.Runtime),
            ("Resource accounting", e.ResourceAccounting),
            ("Sample interval", Formats.Seconds(e.SampleIntervalSeconds) + " s"),
            ("CPU placement", $"load generator {e.Placement.LoadGenerator ?? "unpinned"}, components {e.Placement.Components ?? "unpinned"}"),
            ("Assay", e.AssayVersion),
            (".NET", e.DotnetVersion),
        };
        foreach (var (entry, version) in e.Technologies.OrderBy(t => t.Key, StringComparer.Ordinal))
            rows.Add(($"Version of {entry}", version));
        if (result.Variants.Select(v => v.Cost).FirstOrDefault(c => c is not null) is { } cost)
            rows.Add(("Pricing", $"{cost.Node}: {cost.Assumption}"));
        foreach (var (name, value) in result.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            rows.Add(($"Parameter {name}", value));
        return new ReportTable("environment", "Environment", ["Property", "Value"], [.. rows.Select(r => (IReadOnlyList<string>)[r.Item1, r.Item2])])
        {
            Notes = e.Technologies.Count > 0 ? []
                : ["This run recorded no technology versions (its catalog entries have no version command, or it predates them)."],
        };
    }
}

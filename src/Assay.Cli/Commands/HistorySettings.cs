using System.ComponentModel;
using Assay.Core.Diagnostics;
using Assay.Core.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

public sealed class HistorySettings : LabSettings
{
    [CommandArgument(0, "<EXPERIMENT>")]
    [Description("The experiment's name, as assay runs lists it")]
    public string Experiment { get; set; } = "";

    [CommandOption("-n|--limit <N>")]
    [Description("How many of the latest completed runs")]
    [DefaultValue(20)]
    public int Limit { get; set; } = 20;

    [CommandOption("--kpi <NAME>")]
    [Description("Only this KPI: throughput, latency_p50_ms, latency_p99_ms, error_ratio or cost_per_million")]
    public string? Kpi { get; set; }

    public override ValidationResult Validate()
    {
        if (Limit < 1) return ValidationResult.Error("--limit must be at least 1");
        if (Kpi is not null && KpiCatalog.Find(Kpi) is null)
            return ValidationResult.Error($"--kpi '{Kpi}' is not a KPI; {Suggestions.Hint(Kpi, [.. KpiCatalog.All.Select(k => k.Name)])}");
        return ValidationResult.Success();
    }
}

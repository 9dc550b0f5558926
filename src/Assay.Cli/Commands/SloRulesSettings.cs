using System.ComponentModel;
using System.Globalization;
using Assay.Core.Diagnostics;
using Assay.Core.Slo;
using Assay.Core.Units;
using Assay.Reporting.Slo;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay slo rules</c>: which SLO (from the experiment's <c>slos:</c>, or given here), and the production
/// metric and labels its SLI is read from. The SLO options override a declared SLO's fields.
/// </summary>
public sealed class SloRulesSettings : CatalogSettings
{
    [CommandArgument(0, "<EXPERIMENT>")]
    [Description("An experiment folder (holding experiment.yaml), an experiment file, or the name of a shipped experiment")]
    public string Experiment { get; set; } = "";

    [CommandOption("--slo <NAME>")]
    [Description("The SLO to write rules for: one of the experiment's slos, or the name of the SLO the options below define. Default: the experiment's only SLO, else the kind")]
    public string? Slo { get; set; }

    [CommandOption("--kind <KIND>")]
    [Description("availability or latency; overrides the SLO's. Default: latency when --threshold is given, else availability")]
    public string? Kind { get; set; }

    [CommandOption("--objective <PERCENT>")]
    [Description("Share of good events over 30 days, e.g. 99.9; overrides the SLO's")]
    public string? Objective { get; set; }

    [CommandOption("--threshold <DURATION>")]
    [Description("Latency SLOs: answers within it are good, e.g. 50ms; overrides the SLO's. Must be a bucket boundary of the histogram")]
    public string? Threshold { get; set; }

    [CommandOption("--metric <NAME>")]
    [Description("Availability: a counter of requests, e.g. http_requests_total. Latency: a histogram, e.g. request_duration_seconds (its _bucket and _count series are read)")]
    public string? Metric { get; set; }

    [CommandOption("-l|--label <MATCHER>")]
    [Description("Selects the metric's series: job=api, path!=/health, 'method=~GET|POST'; repeat for several")]
    public string[] Labels { get; set; } = [];

    [CommandOption("--errors <MATCHER>")]
    [Description("Availability: the label that marks failed requests, e.g. status=~5.. or 'code=~5..|429'")]
    public string? Errors { get; set; }

    [CommandOption("--le <VALUE>")]
    [Description("Latency: the threshold's bucket as the histogram exposes its le label, e.g. 0.05. Default: the threshold in the unit the metric's name ends with (_seconds, _milliseconds)")]
    public string? Le { get; set; }

    [CommandOption("--service <NAME>")]
    [Description("The service the rules watch (the sloth_service label). Default: the experiment's name")]
    public string? Service { get; set; }

    [CommandOption("--out <FILE>")]
    [Description("Writes the rules to FILE instead of stdout")]
    public string? Out { get; set; }

    [CommandOption("-p|--param <NAME=VALUE>")]
    [Description("Sets a parameter of the experiment; repeat for several")]
    public string[] Parameters { get; set; } = [];

    public IReadOnlyDictionary<string, string> ParameterValues() =>
        Parameters.Select(p => p.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1]);

    /// <summary>The label selectors (valid after <see cref="Validate"/>).</summary>
    public IReadOnlyList<LabelMatcher> Selectors() => [.. Labels.Select(l => LabelMatcher.Parse(l, out _)!)];

    public LabelMatcher? ErrorMatcher() => Errors is null ? null : LabelMatcher.Parse(Errors, out _);

    public SloKind? KindValue() => Kind is null ? null : Enum.Parse<SloKind>(Kind, ignoreCase: true);

    public double? ObjectiveValue() =>
        Objective is null ? null : double.Parse(Objective.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture);

    public TimeSpan? ThresholdValue() => Threshold is null ? null : DurationText.TryParse(Threshold, out var d) ? d : null;

    public override ValidationResult Validate()
    {
        if (Metric is null)
            return ValidationResult.Error("--metric is required: name the production metric the SLI is read from, e.g. --metric http_requests_total");
        if (PrometheusSli.CheckMetricName(Metric) is { } metricProblem)
            return ValidationResult.Error($"--metric {metricProblem}");
        foreach (var label in Labels.Append(Errors).OfType<string>())
        {
            if (LabelMatcher.Parse(label, out var error) is null)
                return ValidationResult.Error($"{(label == Errors ? "--errors" : "--label")} {error}");
        }
        var kinds = Enum.GetNames<SloKind>().Select(n => n.ToLowerInvariant()).ToList();
        if (Kind is not null && !kinds.Contains(Kind.ToLowerInvariant()))
            return ValidationResult.Error($"--kind '{Kind}' is not a kind of SLO; {Suggestions.Hint(Kind, kinds)}");
        if (Objective is not null && !double.TryParse(Objective.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            return ValidationResult.Error($"--objective '{Objective}' is not a percentage; write e.g. 99.9");
        if (Threshold is not null && (!DurationText.TryParse(Threshold, out var threshold) || threshold <= TimeSpan.Zero))
            return ValidationResult.Error($"--threshold '{Threshold}' is not a positive duration; {DurationText.Hint}");
        if (Service is not null && (string.IsNullOrWhiteSpace(Service) || Service.Any(char.IsControl)))
            return ValidationResult.Error("--service must be a plain name, e.g. checkout-api");
        if (Slo is not null && (string.IsNullOrWhiteSpace(Slo) || Slo.Any(char.IsControl)))
            return ValidationResult.Error("--slo must be a plain name, e.g. availability");
        foreach (var parameter in Parameters)
        {
            if (parameter.IndexOf('=', StringComparison.Ordinal) <= 0)
                return ValidationResult.Error($"--param '{parameter}' is not NAME=VALUE; write e.g. --param users=20");
        }
        var duplicate = Parameters.Select(p => p.Split('=', 2)[0].Trim()).GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            return ValidationResult.Error($"--param {duplicate.Key} is given {duplicate.Count()} times; give it once");
        return ValidationResult.Success();
    }
}

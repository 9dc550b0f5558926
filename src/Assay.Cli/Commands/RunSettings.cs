using System.ComponentModel;
using System.Globalization;
using Assay.Core.Units;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

public sealed class RunSettings : CatalogSettings
{
    [CommandArgument(0, "<EXPERIMENT>")]
    [Description("An experiment folder (holding experiment.yaml), an experiment file, or the name of a shipped experiment")]
    public string Experiment { get; set; } = "";

    [CommandOption("-p|--param <NAME=VALUE>")]
    [Description("Sets a parameter of the experiment; repeat for several")]
    public string[] Parameters { get; set; } = [];

    [CommandOption("--duration <DURATION>")]
    [Description("Overrides the measured duration, e.g. 5s or 2m")]
    public string? Duration { get; set; }

    [CommandOption("--trials <N>")]
    [Description("Overrides the number of trials per variant")]
    public int? Trials { get; set; }

    [CommandOption("--out <FILE>")]
    [Description("Also writes the result document to FILE")]
    public string? Out { get; set; }

    [CommandOption("--json")]
    [Description("Prints the result document on stdout; progress goes to stderr")]
    public bool Json { get; set; }

    [CommandOption("--sample-interval <DURATION>")]
    [Description("How often each component's CPU and memory are read")]
    [DefaultValue("1s")]
    public string SampleInterval { get; set; } = "1s";

    [CommandOption("--seed <N>")]
    [Description("Seed of the request mix and think times")]
    [DefaultValue(1)]
    public int Seed { get; set; } = 1;

    [CommandOption("--fail-on-regression")]
    [Description("Exits 1 when a KPI regressed against the recent runs of the experiment (see assay history)")]
    public bool FailOnRegression { get; set; }

    /// <summary>The --param values as a dictionary (valid after <see cref="Validate"/>).</summary>
    public IReadOnlyDictionary<string, string> ParameterValues() =>
        Parameters.Select(p => p.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1]);

    public TimeSpan SampleIntervalValue() => DurationText.TryParse(SampleInterval, out var d) ? d : TimeSpan.FromSeconds(1);

    public TimeSpan? DurationValue() => Duration is null ? null : DurationText.TryParse(Duration, out var d) ? d : null;

    public override ValidationResult Validate()
    {
        foreach (var parameter in Parameters)
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                return ValidationResult.Error($"--param '{parameter}' is not NAME=VALUE; write e.g. --param users=20");
        }
        var duplicate = Parameters.Select(p => p.Split('=', 2)[0].Trim()).GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            return ValidationResult.Error($"--param {duplicate.Key} is given {duplicate.Count()} times; give it once");
        if (Duration is not null && (!DurationText.TryParse(Duration, out var duration) || duration <= TimeSpan.Zero))
            return ValidationResult.Error($"--duration '{Duration}' is not a positive duration; {DurationText.Hint}");
        if (!DurationText.TryParse(SampleInterval, out var interval) || interval < TimeSpan.FromMilliseconds(100) || interval > TimeSpan.FromMinutes(1))
            return ValidationResult.Error($"--sample-interval '{SampleInterval}' must be a duration from 100ms to 1m, e.g. 1s or 250ms");
        if (Trials is < 1)
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--trials must be at least 1, got {Trials}"));
        return ValidationResult.Success();
    }
}

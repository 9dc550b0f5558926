using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

public sealed class CompareSettings : LabSettings
{
    [CommandArgument(0, "<RUN_A>")]
    [Description("The earlier run (the baseline): an id or a unique prefix")]
    public string RunA { get; set; } = "";

    [CommandArgument(1, "<RUN_B>")]
    [Description("The later run (the candidate): an id or a unique prefix")]
    public string RunB { get; set; } = "";

    [CommandOption("--margin <FRACTION>")]
    [Description("δ: changes within a factor of 1 + δ count as equivalent")]
    [DefaultValue(0.05)]
    public double Margin { get; set; } = 0.05;

    [CommandOption("--confidence <FRACTION>")]
    [Description("Two-sided confidence of the intervals")]
    [DefaultValue(0.95)]
    public double Confidence { get; set; } = 0.95;

    public override ValidationResult Validate()
    {
        if (!(Margin >= 0 && Margin < 1))
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--margin must be a fraction from 0 to 1, e.g. 0.05, got {Margin}"));
        if (!(Confidence > 0.5 && Confidence < 1))
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--confidence must be a fraction between 0.5 and 1, e.g. 0.95, got {Confidence}"));
        return ValidationResult.Success();
    }
}

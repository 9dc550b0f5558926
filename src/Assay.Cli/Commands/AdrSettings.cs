using System.ComponentModel;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

public sealed class AdrSettings : LabSettings
{
    [CommandArgument(0, "<RUN>")]
    [Description("A run id, or a unique prefix of one (see assay runs)")]
    public string Run { get; set; } = "";

    [CommandOption("--dir <DIR>")]
    [Description("The folder of numbered ADRs (NNNN-title.md) to add the draft to")]
    [DefaultValue("docs/adrs")]
    public string Directory { get; set; } = "docs/adrs";
}

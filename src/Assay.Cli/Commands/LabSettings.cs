using System.ComponentModel;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

/// <summary>Options every command that touches the lab's state shares.</summary>
public class LabSettings : CommandSettings
{
    [CommandOption("--state-dir <DIR>")]
    [Description("Where the store, run folders and ledgers live. Default: .assay in the working directory")]
    public string? StateDirectory { get; set; }
}

/// <summary>Options of commands that read experiments: extra catalog folders beside the shipped one.</summary>
public class CatalogSettings : LabSettings
{
    [CommandOption("--catalog <DIR>")]
    [Description("An extra catalog folder (one file per entry), searched after the shipped catalog/; repeat for several")]
    public string[] Catalogs { get; set; } = [];
}

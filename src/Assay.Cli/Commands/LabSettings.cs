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

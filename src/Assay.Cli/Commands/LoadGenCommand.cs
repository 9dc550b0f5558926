using System.ComponentModel;
using Assay.Workloads.LoadGeneration;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

public sealed class LoadGenSettings : CommandSettings
{
    [CommandArgument(0, "<REQUEST>")]
    [Description("The load generator request file the lab wrote")]
    public string Request { get; set; } = "";
}

/// <summary>
/// <c>assay loadgen</c> (hidden): the load generator process the lab starts for each trial. It runs
/// the workload driver and speaks JSON lines on stdout; see Assay.Workloads.LoadGeneration.
/// </summary>
internal sealed class LoadGenCommand : AsyncCommand<LoadGenSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, LoadGenSettings settings, CancellationToken cancellationToken) =>
        LoadGenHost.RunAsync(settings.Request, Console.Out, Console.Error, cancellationToken);
}

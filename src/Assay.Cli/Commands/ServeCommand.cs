using System.ComponentModel;
using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Dashboard.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

public sealed class ServeSettings : LabSettings
{
    [CommandOption("-p|--port <PORT>")]
    [Description("The port to listen on; 0 picks a free one")]
    [DefaultValue(5380)]
    public int Port { get; set; } = 5380;

    [CommandOption("--listen <ADDRESS>")]
    [Description("The IP address to listen on. Default: 127.0.0.1 (this machine only); any other needs --allow-remote")]
    [DefaultValue("127.0.0.1")]
    public string Listen { get; set; } = "127.0.0.1";

    [CommandOption("--allow-remote")]
    [Description("Allows a --listen address other machines can reach: the dashboard has no login, anyone who reaches it reads every run")]
    public bool AllowRemote { get; set; }

    public override ValidationResult Validate()
    {
        if (Port is < 0 or > 65535) return ValidationResult.Error("--port must be between 0 and 65535");
        if (ListenAddress.Parse(Listen, out var error) is not { } address) return ValidationResult.Error($"--listen: {error}");
        if (!ListenAddress.IsLoopback(address) && !AllowRemote)
            return ValidationResult.Error(
                $"--listen {Listen} lets other machines read every run (the dashboard has no login); add --allow-remote if that is what you want, or leave --listen out to stay on 127.0.0.1");
        return ValidationResult.Success();
    }
}

/// <summary><c>assay serve</c>: the dashboard over the store, read-only, until Ctrl-C.</summary>
internal sealed class ServeCommand(IAnsiConsole console) : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var address = ListenAddress.Parse(settings.Listen, out _)!;
        var paths = LabPaths.Resolve(settings.StateDirectory);
        var (opened, exitCode) = await ViewerStore.OpenAsync(console, paths, cancellationToken);
        if (opened is null) return exitCode;
        await using var store = opened;
        DashboardServer server;
        try
        {
            server = await DashboardServer.StartAsync(store, address, settings.Port, cancellationToken);
        }
        catch (PortInUseException e)
        {
            console.MarkupLine($"[red]error:[/] port {e.Port} on {Markup.Escape(e.Address.ToString())} is taken by another program: stop it, or choose another port with [bold]--port[/] (0 picks a free one)");
            return ExitCodes.Infrastructure;
        }
        await using (server)
        {
            if (!ListenAddress.IsLoopback(address))
                console.MarkupLine($"[yellow]warning:[/] listening on {Markup.Escape(address.ToString())}: anyone who can reach this machine on port {server.Url.Port} can read every run (there is no login)");
            console.MarkupLine($"dashboard: [blue]{Markup.Escape(server.Url.ToString())}[/] (read-only over {Markup.Escape(paths.Database)}; Ctrl-C stops it)");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C is how a dashboard is meant to stop: not a failure.
            }
        }
        console.MarkupLine("dashboard stopped");
        return ExitCodes.Passed;
    }
}

using System.Globalization;
using Assay.Core.Catalog;
using Assay.Engine.Runtime;
using Assay.Runtimes.Local.Processes;

namespace Assay.Runtimes.Local.Deployment;

/// <summary>
/// Runs an entry's init commands (before its start: initdb) and setup commands (once it is ready: create a
/// user), each to completion within its timeout, as the entry's user, with its output kept in the
/// instance folder. A command that fails fails the deployment with its output.
/// </summary>
internal static class CommandRunner
{
    public static async Task RunAsync(
        string stage, IReadOnlyList<CommandTemplate> commands, CatalogEntry entry, string component, int replica,
        InstanceVariables variables, InstanceFolders folders, string root, CancellationToken cancellationToken)
    {
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            var program = BinaryLocator.Find(command.Command, entry.Binary.SearchPaths, root)
                ?? throw new DeploymentFailedException(component, replica,
                    $"{stage} command '{command.Command}' of catalog entry '{entry.Name}' is not installed; get it with: {entry.Binary.InstallHint}", "");
            var log = Path.Combine(folders.Instance, string.Create(CultureInfo.InvariantCulture, $"{stage}-{i + 1}.log"));
            var spec = new LaunchSpec(
                program,
                [.. command.Args.Select(variables.Render)],
                command.Environment.ToDictionary(kv => kv.Key, kv => variables.Render(kv.Value)),
                folders.Instance,
                log,
                log + ".err",
                [],
                null,
                entry.Launch.RunAs,
                NewSession: false);
            await using var process = await LocalProcess.StartAsync(spec, cancellationToken);
            int code;
            try
            {
                code = await process.Exited.WaitAsync(command.Timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                throw new DeploymentFailedException(component, replica,
                    $"{stage} command '{command.Command}' of '{component}' did not finish within {Core.Units.DurationText.Format(command.Timeout)}",
                    variables.Redact(process.LogTail()));
            }
            if (code != 0)
            {
                throw new DeploymentFailedException(component, replica,
                    $"{stage} command '{command.Command}' of '{component}' exited with code {code}", variables.Redact(process.LogTail()));
            }
        }
    }
}

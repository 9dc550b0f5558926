using Microsoft.Extensions.Hosting;

namespace Assay.Dashboard.Hosting;

/// <summary>
/// A host lifetime that leaves Ctrl-C to the caller. The default console lifetime would catch SIGINT and SIGTERM
/// itself and stop the server behind the CLI's back; here the CLI's one root token decides, and it disposes the server.
/// </summary>
internal sealed class CallerLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using System.Net;
using Assay.Dashboard.Data;
using Assay.Engine.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assay.Dashboard.Hosting;

/// <summary>
/// The dashboard's web server (Kestrel) over a run store, which it only reads. Started by <see cref="StartAsync"/>,
/// stopped by disposing; disposing twice is safe.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
    private readonly WebApplication _app;
    private int _disposed;

    private DashboardServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The address the server answers on, with the port it really bound (useful with port 0).</summary>
    public Uri Url { get; }

    /// <summary>
    /// Listens on <paramref name="address"/>:<paramref name="port"/> (0 picks a free port). Throws
    /// <see cref="PortInUseException"/> when the port is taken. Whether a non-loopback address is allowed is the
    /// caller's decision (the CLI asks for an explicit flag).
    /// </summary>
    public static async Task<DashboardServer> StartAsync(IRunStore store, IPAddress address, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(address);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // What the user sees comes from the CLI; the framework's request logs would only be noise on the console.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, CallerLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port));
        var app = builder.Build();
        DashboardRoutes.Map(app, new DashboardReader(store));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is AddressInUseException || e.InnerException is AddressInUseException)
        {
            await app.DisposeAsync();
            throw new PortInUseException(address, port, e);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started but reported no address.");
        return new DashboardServer(app, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        using var grace = new CancellationTokenSource(StopGrace);
        try
        {
            await _app.StopAsync(grace.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}

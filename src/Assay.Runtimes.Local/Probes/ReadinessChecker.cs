using System.Net.Sockets;
using Assay.Core.Catalog;

namespace Assay.Runtimes.Local.Probes;

/// <summary>
/// Checks an instance the way its catalog entry says: an HTTP GET that answers 2xx, or a TCP connect.
/// Each attempt has its own short timeout so one hung connection cannot eat the whole deadline.
/// </summary>
public sealed class ReadinessChecker(HttpClient http)
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>One attempt: true when the instance answered as ready.</summary>
    public async Task<bool> CheckAsync(ReadinessProbe probe, string host, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(AttemptTimeout);
        try
        {
            if (probe.Kind == ProbeKind.Tcp)
            {
                using var client = new TcpClient();
                await client.ConnectAsync(host, port, attempt.Token);
                return true;
            }
            using var response = await http.GetAsync(new Uri($"http://{host}:{port}{probe.Path ?? "/"}"), HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            return (int)response.StatusCode is >= 200 and < 300;
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>A client for probes: no proxy (probes go to 127.0.0.1), no connection reuse across instances.</summary>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromSeconds(5),
        ConnectTimeout = AttemptTimeout,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Assay.Testing.Burner;

/// <summary>An optional TCP listener on 127.0.0.1:PORT, so the runtime's TCP readiness probe has something to connect to.</summary>
internal static class ReadinessListener
{
    public static TcpListener? Start(string? port)
    {
        if (string.IsNullOrWhiteSpace(port))
        {
            return null;
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            throw new InvalidOperationException($"PORT='{port}' is not a TCP port: set it to a number from 1 to 65535, or unset it.");
        }

        var listener = new TcpListener(IPAddress.Loopback, number);
        listener.Start();
        return listener;
    }

    /// <summary>Accepts and closes connections: a probe only needs the connection to succeed.</summary>
    public static async Task AcceptUntilStoppedAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: nothing more to accept.
        }
    }
}

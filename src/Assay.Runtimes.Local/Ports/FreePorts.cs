using System.Net;
using System.Net.Sockets;

namespace Assay.Runtimes.Local.Ports;

/// <summary>
/// Free TCP ports on 127.0.0.1, chosen by the kernel (bind to port 0). All listeners of one request
/// are held open together so the same port is never handed out twice in a deployment.
/// </summary>
public static class FreePorts
{
    public static IReadOnlyList<int> Allocate(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners) listener.Stop();
        }
    }

    /// <summary>True when something accepts connections on the port right now.</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

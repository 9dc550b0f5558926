using System.Net;

namespace Assay.Dashboard.Hosting;

/// <summary>The dashboard could not listen: another program already has the port on that address.</summary>
public sealed class PortInUseException(IPAddress address, int port, Exception inner)
    : Exception($"Port {port} on {address} is taken by another program: stop it, or choose another port.", inner)
{
    public IPAddress Address { get; } = address;

    public int Port { get; } = port;
}

using System.Net;

namespace Assay.Dashboard.Hosting;

/// <summary>Where the dashboard may listen: loopback unless the user explicitly allows others to connect.</summary>
public static class ListenAddress
{
    /// <summary>
    /// Parses an IP address (or <c>localhost</c>); null with a reason when it is not one. Names other than
    /// localhost are refused: which interface a name resolves to is exactly what should not be a surprise.
    /// </summary>
    public static IPAddress? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        if (IPAddress.TryParse(text, out var address)) return address;
        error = $"'{text}' is not an IP address: give one such as 127.0.0.1, ::1 or 0.0.0.0";
        return null;
    }

    /// <summary>True for addresses only this machine can reach (127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(address);
}

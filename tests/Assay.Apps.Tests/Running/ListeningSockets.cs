using System.Globalization;
using System.Net;

namespace Assay.Apps.Tests.Running;

/// <summary>What the kernel says listens on a port (/proc/net/tcp and tcp6), whoever opened it.</summary>
internal static class ListeningSockets
{
    private const string Listen = "0A";
    private static readonly string[] Tables = ["/proc/net/tcp", "/proc/net/tcp6"];

    /// <summary>The local addresses of the listening sockets on <paramref name="port"/>, e.g. ["127.0.0.1"].</summary>
    public static IReadOnlyList<string> AddressesOn(int port) =>
        [.. Tables
            .Where(File.Exists)
            .SelectMany(file => File.ReadLines(file).Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields[3] == Listen && int.Parse(fields[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
            .Select(fields => Address(fields[1].Split(':')[0]).ToString())
            .Distinct()];

    /// <summary>/proc writes addresses as the kernel stores them: 32-bit words in host (little-endian) order.</summary>
    private static IPAddress Address(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4) Array.Reverse(bytes, word, 4);
        var address = new IPAddress(bytes);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }
}

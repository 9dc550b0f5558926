using System.Globalization;

namespace Assay.Apps.Shared;

/// <summary>The body of <c>GET /</c> in hello-app and demo-app.</summary>
internal sealed record Greeting(string Message, string App, string Hostname, string Timestamp)
{
    public static Greeting Create(SampleIdentity identity, TimeProvider time) => new(
        $"Hello from {identity.AppName}!",
        identity.AppName,
        identity.Hostname,
        // Millisecond precision, like JavaScript's toISOString, so the Node.js twin answers the same shape.
        time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}

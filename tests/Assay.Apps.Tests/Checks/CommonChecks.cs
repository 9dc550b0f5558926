using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Assay.Apps.Tests.Checks;

/// <summary>Checks of what every sample app, or several of them, must answer.</summary>
internal static partial class CommonChecks
{
    public static async Task AnswersProbesAsync(HttpClient client, CancellationToken cancellationToken)
    {
        foreach (var (path, body) in new[] { ("health", "ok"), ("ready", "ready") })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(body, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return await ReadJsonAsync(response, expected, cancellationToken);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The greeting of <c>GET /</c>: exactly message, app, hostname and timestamp, the timestamp taken now.</summary>
    public static async Task AnswersGreetingAsync(HttpClient client, string appName, CancellationToken cancellationToken)
    {
        var before = DateTimeOffset.UtcNow;
        var greeting = await GetJsonAsync(client, "", HttpStatusCode.OK, cancellationToken);
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(["message", "app", "hostname", "timestamp"], greeting.EnumerateObject().Select(property => property.Name));
        Assert.Equal($"Hello from {appName}!", greeting.GetProperty("message").GetString());
        Assert.Equal(appName, greeting.GetProperty("app").GetString());
        Assert.Equal(Environment.MachineName, greeting.GetProperty("hostname").GetString());

        var timestamp = greeting.GetProperty("timestamp").GetString() ?? "";
        Assert.Matches(IsoUtcMilliseconds(), timestamp);
        var at = DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(at, before.AddSeconds(-1), after.AddSeconds(1));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex IsoUtcMilliseconds();
}

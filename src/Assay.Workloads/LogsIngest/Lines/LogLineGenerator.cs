using System.Globalization;

namespace Assay.Workloads.LogsIngest.Lines;

/// <summary>
/// Makes log lines the way the origin lab's log generator did: levels debug/info/warn/error weighted 40/40/15/5,
/// spread uniformly over <c>svc-000</c>… services, a status and a duration that go with the level, a fresh W3C
/// trace id (32 hex digits) per line. Seeded: the same seed and service count give the same lines. One writer.
/// </summary>
internal sealed class LogLineGenerator
{
    public static readonly IReadOnlyList<(string Level, int Weight)> LevelWeights = [("debug", 40), ("info", 40), ("warn", 15), ("error", 5)];

    private static readonly (string Endpoint, string[] Methods)[] Endpoints =
    [
        ("/api/users", ["GET", "GET", "POST"]), ("/api/orders", ["GET", "POST", "PUT"]), ("/api/payments", ["POST"]),
        ("/api/inventory", ["GET", "PUT", "DELETE"]), ("/api/search", ["GET"]), ("/api/sessions", ["POST", "DELETE"]),
    ];

    private static readonly int[] SuccessStatus = [200, 200, 200, 201, 204];
    private static readonly int[] WarnStatus = [400, 404, 409, 429];
    private static readonly int[] ErrorStatus = [500, 502, 503, 504];
    private static readonly int TotalWeight = LevelWeights.Sum(w => w.Weight);

    private readonly Random _random;
    private readonly string[] _services;

    public LogLineGenerator(int seed, int services)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(services, 1);
        _random = new Random(seed);
        _services = [.. Enumerable.Range(0, services).Select(ServiceName)];
    }

    public IReadOnlyList<string> Services => _services;

    /// <summary>The name of service <paramref name="index"/>: <c>svc-000</c>, <c>svc-001</c>…</summary>
    public static string ServiceName(int index) => string.Create(CultureInfo.InvariantCulture, $"svc-{index:D3}");

    public LogLine Next(DateTimeOffset at)
    {
        var level = PickLevel();
        var service = _services[_random.Next(_services.Length)];
        var (endpoint, methods) = Endpoints[_random.Next(Endpoints.Length)];
        var method = methods[_random.Next(methods.Length)];
        var (status, duration) = level switch
        {
            "error" => (ErrorStatus[_random.Next(ErrorStatus.Length)], _random.Next(200, 5000)),
            "warn" => (WarnStatus[_random.Next(WarnStatus.Length)], _random.Next(50, 1500)),
            _ => (SuccessStatus[_random.Next(SuccessStatus.Length)], _random.Next(1, 250)),
        };
        Span<byte> id = stackalloc byte[16];
        _random.NextBytes(id);
        var traceId = Convert.ToHexStringLower(id);
        var message = level switch
        {
            "error" => $"{method} {endpoint} failed with {status.ToString(CultureInfo.InvariantCulture)} after {duration.ToString(CultureInfo.InvariantCulture)} ms",
            "warn" => $"{method} {endpoint} rejected with {status.ToString(CultureInfo.InvariantCulture)}",
            "debug" => $"{method} {endpoint} handled by {service}",
            _ => $"{method} {endpoint} answered {status.ToString(CultureInfo.InvariantCulture)} in {duration.ToString(CultureInfo.InvariantCulture)} ms",
        };
        return new LogLine(at, level, service, endpoint, method, status, duration, traceId, message);
    }

    private string PickLevel()
    {
        var draw = _random.Next(TotalWeight);
        foreach (var (level, weight) in LevelWeights)
        {
            if (draw < weight) return level;
            draw -= weight;
        }
        return LevelWeights[^1].Level;
    }
}

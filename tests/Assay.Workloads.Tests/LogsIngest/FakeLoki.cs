using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assay.Workloads.Tests.Servers;

namespace Assay.Workloads.Tests.LogsIngest;

/// <summary>
/// A small stand-in for Loki's HTTP API over real sockets: it stores pushed lines and answers the LogQL shapes the
/// driver and the shipped experiment use (a stream selector with = matchers and |= filters, and
/// <c>sum [by (…)] (count_over_time(SELECTOR [Ns]))</c>). Grafana Loki itself cannot be installed here (see
/// catalog/loki.yaml); this fake lets the driver's push, query and verification logic be tested, including wrong
/// answers on purpose: dropped lines, ignored line filters.
/// </summary>
internal sealed partial class FakeLoki : IAsyncDisposable
{
    private readonly TestHttpServer _server;
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private long _received;

    public FakeLoki() => _server = new TestHttpServer(Respond);

    public Uri Url => _server.Url;

    /// <summary>Drops every Nth line pushed (0: keeps all): a store that acknowledges what it then loses.</summary>
    public int DropEvery { get; set; }

    /// <summary>Answers log queries without applying |= filters: fast, and wrong.</summary>
    public bool IgnoreLineFilters { get; set; }

    public long Received => Interlocked.Read(ref _received);

    public int Stored
    {
        get
        {
            lock (_gate) return _entries.Count;
        }
    }

    private int _queries;

    public int QueriesAnswered => Volatile.Read(ref _queries);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private TestResponse Respond(TestRequest request)
    {
        var (path, query) = Split(request.Path);
        return (request.Method, path) switch
        {
            ("GET", "/ready") => new TestResponse(200, "ready"),
            ("POST", "/loki/api/v1/push") => Push(request.Body),
            ("GET", "/loki/api/v1/query_range") => Query(query, instant: false),
            ("GET", "/loki/api/v1/query") => Query(query, instant: true),
            _ => new TestResponse(404, "not found"),
        };
    }

    private TestResponse Push(string body)
    {
        using var document = JsonDocument.Parse(body);
        lock (_gate)
        {
            foreach (var stream in document.RootElement.GetProperty("streams").EnumerateArray())
            {
                var labels = stream.GetProperty("stream").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
                foreach (var value in stream.GetProperty("values").EnumerateArray())
                {
                    var number = Interlocked.Increment(ref _received);
                    if (DropEvery > 0 && number % DropEvery == 0) continue;
                    _entries.Add(new Entry(long.Parse(value[0].GetString()!, CultureInfo.InvariantCulture), labels, value[1].GetString()!));
                }
            }
        }
        return new TestResponse(204, "");
    }

    private TestResponse Query(IReadOnlyDictionary<string, string> parameters, bool instant)
    {
        Interlocked.Increment(ref _queries);
        var text = parameters["query"];
        var end = long.Parse(parameters[instant ? "time" : "end"], CultureInfo.InvariantCulture);
        if (MetricQuery().Match(text) is { Success: true } metric)
        {
            var range = long.Parse(metric.Groups["n"].Value, CultureInfo.InvariantCulture) * metric.Groups["unit"].Value switch { "s" => 1, "m" => 60, _ => 3600 } * 1_000_000_000L;
            var by = metric.Groups["by"].Success ? metric.Groups["by"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
            var groups = Select(metric.Groups["selector"].Value, [], end - range, end)
                .GroupBy(e => string.Join(',', by.Select(l => e.Labels.GetValueOrDefault(l, ""))))
                .Select(g => (Labels: by.ToDictionary(l => l, l => g.First().Labels.GetValueOrDefault(l, "")), Count: g.Count()))
                .ToList();
            var result = groups.Select(g => instant
                ? (object)new { metric = g.Labels, value = new object[] { end / 1e9, g.Count.ToString(CultureInfo.InvariantCulture) } }
                : new { metric = g.Labels, values = new[] { new object[] { end / 1e9, g.Count.ToString(CultureInfo.InvariantCulture) } } });
            return Success(instant ? "vector" : "matrix", result);
        }
        if (LogQuery().Match(text) is { Success: true } log)
        {
            var filters = IgnoreLineFilters ? [] : log.Groups["filter"].Captures.Select(c => c.Value).ToArray();
            var start = long.Parse(parameters["start"], CultureInfo.InvariantCulture);
            var limit = int.Parse(parameters.GetValueOrDefault("limit", "100"), CultureInfo.InvariantCulture);
            var entries = Select(log.Groups["selector"].Value, filters, start, end).OrderByDescending(e => e.Nanoseconds).Take(limit);
            var streams = entries.GroupBy(e => string.Join(',', e.Labels.OrderBy(l => l.Key).Select(l => $"{l.Key}={l.Value}")))
                .Select(g => new { stream = g.First().Labels, values = g.Select(e => new[] { e.Nanoseconds.ToString(CultureInfo.InvariantCulture), e.Line }) });
            return Success("streams", streams);
        }
        return new TestResponse(400, $"parse error: fake Loki does not understand {text}");
    }

    private List<Entry> Select(string selector, string[] filters, long fromExclusive, long toInclusive)
    {
        var matchers = Matcher().Matches(selector).Select(m => (m.Groups["name"].Value, m.Groups["value"].Value)).ToList();
        lock (_gate)
        {
            return [.. _entries.Where(e => e.Nanoseconds > fromExclusive && e.Nanoseconds <= toInclusive
                && matchers.All(m => e.Labels.TryGetValue(m.Item1, out var v) && v == m.Item2)
                && filters.All(f => e.Line.Contains(f, StringComparison.Ordinal)))];
        }
    }

    private static TestResponse Success(string type, object result) =>
        new(200, JsonSerializer.Serialize(new { status = "success", data = new { resultType = type, result } }));

    private static (string Path, IReadOnlyDictionary<string, string> Query) Split(string target)
    {
        var question = target.IndexOf('?', StringComparison.Ordinal);
        if (question < 0) return (target, new Dictionary<string, string>());
        var query = target[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");
        return (target[..question], query);
    }

    [GeneratedRegex(@"^sum(\s+by\s*\((?<by>[^)]*)\))?\s*\(\s*count_over_time\(\s*(?<selector>\{[^}]*\})\s*\[(?<n>\d+)(?<unit>[smh])\]\s*\)\s*\)$")]
    private static partial Regex MetricQuery();

    [GeneratedRegex(@"^(?<selector>\{[^}]*\})(\s*\|=\s*""(?<filter>[^""]*)"")*\s*$")]
    private static partial Regex LogQuery();

    [GeneratedRegex(@"(?<name>[a-zA-Z_]\w*)\s*=\s*""(?<value>[^""]*)""")]
    private static partial Regex Matcher();

    private sealed record Entry(long Nanoseconds, IReadOnlyDictionary<string, string> Labels, string Line);
}

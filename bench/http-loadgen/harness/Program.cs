using System.Globalization;
using System.Text.Json;
using Assay.Core.Plans;
using Assay.Workloads;
using Assay.Workloads.Http;

// Runs the HTTP driver in-process, closed model, against one URL and prints what it measured as JSON:
//   HttpLoadGenHarness <url> [--connections 50] [--duration 10] [--warmup 0] [--timeout 5] [--sockets]
// --sockets runs the portable Socket-based loops instead of the epoll engine.
if (args.Length == 0 || args[0].StartsWith('-'))
{
    await Console.Error.WriteLineAsync("usage: HttpLoadGenHarness <url> [--connections N] [--duration S] [--warmup S] [--timeout S]");
    return 2;
}
var url = new Uri(args[0]);
var connections = (int)Option("--connections", 50);
var duration = TimeSpan.FromSeconds(Option("--duration", 10));
var warmUp = TimeSpan.FromSeconds(Option("--warmup", 0));
var timeout = TimeSpan.FromSeconds(Option("--timeout", 5));
var engine = args.Contains("--sockets") ? HttpEngine.Sockets : HttpEngine.Auto;

var plan = new HttpWorkloadPlan(
    new TargetPlan(null, null, url),
    [new HttpRequestPlan("get", 1, "GET", url.PathAndQuery, null, new Dictionary<string, string>(), [])],
    new ClosedModel(connections, TimeSpan.Zero, TimeSpan.Zero),
    warmUp,
    duration,
    timeout);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var origin = new Uri(url.GetLeftPart(UriPartial.Authority));
var measurement = await new HttpDriver(engine).RunAsync(new WorkloadRun(plan, [origin], 1), null, cancel.Token);
// Written by hand: reflection-based serialization would add its own JIT time to the CPU the benchmark charges the driver.
var latency = measurement.Latency().Summarize();
using (var json = new Utf8JsonWriter(Console.OpenStandardOutput()))
{
    json.WriteStartObject();
    json.WriteString("tool", "assay-http-driver");
    json.WriteString("engine", engine.ToString());
    json.WriteNumber("connections", connections);
    json.WriteNumber("windowSeconds", measurement.Window.TotalSeconds);
    json.WriteNumber("requests", measurement.Total);
    json.WriteNumber("succeeded", measurement.Succeeded);
    json.WriteNumber("failed", measurement.Failed);
    json.WriteNumber("throughput", measurement.Throughput);
    json.WriteStartObject("latencyMs");
    json.WriteNumber("p50", latency.P50);
    json.WriteNumber("p90", latency.P90);
    json.WriteNumber("p99", latency.P99);
    json.WriteNumber("max", latency.Max);
    json.WriteEndObject();
    json.WriteStartObject("errorKinds");
    foreach (var (kind, count) in measurement.ErrorKinds) json.WriteNumber(kind, count);
    json.WriteEndObject();
    json.WriteEndObject();
}
Console.WriteLine();
return 0;

double Option(string name, double fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

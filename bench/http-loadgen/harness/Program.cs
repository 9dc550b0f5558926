using System.Globalization;
using System.Text.Json;
using Assay.Core.Plans;
using Assay.Core.Results;
using Assay.Workloads;

// Runs the HTTP driver in-process, closed model, against one URL and prints what it measured as JSON:
//   HttpLoadGenHarness <url> [--connections 50] [--duration 10] [--warmup 0] [--timeout 5]
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
var measurement = await WorkloadDrivers.Create(plan).RunAsync(new WorkloadRun(plan, [origin], 1), null, cancel.Token);
var latency = measurement.Latency().Summarize();
var summary = new
{
    tool = "assay-http-driver",
    connections,
    windowSeconds = measurement.Window.TotalSeconds,
    requests = measurement.Total,
    succeeded = measurement.Succeeded,
    failed = measurement.Failed,
    throughput = measurement.Throughput,
    latencyMs = latency,
    errorKinds = measurement.ErrorKinds,
};
Console.WriteLine(JsonSerializer.Serialize(summary, ResultJson.Compact));
return 0;

double Option(string name, double fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

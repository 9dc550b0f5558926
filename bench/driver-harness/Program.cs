using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Workloads;
using Assay.Workloads.Kv;
using Assay.Workloads.Sql;

// Runs the sql or kv driver in-process, closed model, against a server the benchmark started, and prints what it
// measured as JSON. Credentials come from the environment, never from the command line:
//   DriverHarness sql <host:port> [--clients 8] [--scale 10] [--duration 10] [--warmup 0] [--prepared true]   (PGUSER, PGPASSWORD, PGDATABASE)
//   DriverHarness kv  <host:port> [--clients 50] [--keyspace 10000] [--value-bytes 100] [--get-ratio 1] [--duration 10] [--warmup 0]   (REDIS_PASSWORD)
if (args.Length < 2 || args[0] is not ("sql" or "kv"))
{
    await Console.Error.WriteLineAsync("usage: DriverHarness sql|kv <host:port> [options]");
    return 2;
}
var kind = args[0];
var clients = (int)Option("--clients", kind == "sql" ? 8 : 50);
var duration = TimeSpan.FromSeconds(Option("--duration", 10));
var warmUp = TimeSpan.FromSeconds(Option("--warmup", 0));
var timeout = TimeSpan.FromSeconds(Option("--timeout", 10));
var model = new ClosedModel(clients, TimeSpan.Zero, TimeSpan.Zero);
var target = new TargetPlan("server", null, null);

WorkloadPlan plan;
TargetEndpoint endpoint;
IWorkloadDriver driver;
if (kind == "sql")
{
    plan = new SqlWorkloadPlan(target, SqlScenario.TpcbLike, (int)Option("--scale", 10), Option("--prepared", 1) != 0, model, warmUp, duration, timeout);
    endpoint = new TargetEndpoint(new Uri($"postgresql://{args[1]}"), new Dictionary<string, string>
    {
        ["user"] = Environment.GetEnvironmentVariable("PGUSER") ?? "",
        ["password"] = Environment.GetEnvironmentVariable("PGPASSWORD") ?? "",
        ["database"] = Environment.GetEnvironmentVariable("PGDATABASE") ?? "",
    });
    driver = new SqlDriver();
}
else
{
    plan = new KvWorkloadPlan(
        target, Option("--get-ratio", 1), (int)Option("--keyspace", 10_000), (int)Option("--value-bytes", 100), KeyDistribution.Uniform, 0.99,
        Preload: true, model, warmUp, duration, timeout);
    endpoint = new TargetEndpoint(new Uri($"redis://{args[1]}"), new Dictionary<string, string>
    {
        ["password"] = Environment.GetEnvironmentVariable("REDIS_PASSWORD") ?? "",
    });
    driver = new KvDriver();
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var endpoints = new Dictionary<string, IReadOnlyList<TargetEndpoint>> { [WorkloadPlan.TargetRole] = [endpoint] };
var window = new WindowCpu();
var measurement = await driver.RunAsync(new WorkloadRun(plan, endpoints, 1), window, cancel.Token);
Write(measurement);
return measurement.Succeeded > 0 ? 0 : 1;

void Write(WorkloadMeasurement measurement)
{
    // Written by hand: reflection-based serialization would add its own JIT time to the CPU charged to the driver.
    var latency = measurement.Latency().Summarize();
    using (var json = new Utf8JsonWriter(Console.OpenStandardOutput()))
    {
        json.WriteStartObject();
        json.WriteString("tool", "assay-" + kind + "-driver");
        json.WriteNumber("clients", clients);
        json.WriteNumber("windowSeconds", measurement.Window.TotalSeconds);
        json.WriteNumber("operations", measurement.Total);
        json.WriteNumber("succeeded", measurement.Succeeded);
        json.WriteNumber("failed", measurement.Failed);
        json.WriteNumber("throughput", measurement.Throughput);
        // The process's CPU over the measured window, as assay run reads the generator's cgroup: start-up, JIT of the
        // connection code, the table load or preload are not in it.
        json.WriteNumber("windowCpuSeconds", window.Seconds);
        json.WriteStartObject("latencyMs");
        json.WriteNumber("p50", latency.P50);
        json.WriteNumber("p99", latency.P99);
        json.WriteEndObject();
        json.WriteStartObject("errorKinds");
        foreach (var (name, count) in measurement.ErrorKinds) json.WriteNumber(name, count);
        json.WriteEndObject();
        json.WriteStartObject("stats");
        foreach (var (name, value) in measurement.Stats) json.WriteNumber(name, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }
    Console.WriteLine();
}

double Option(string name, double fallback)
{
    var at = Array.IndexOf(args, name);
    if (at < 0 || at + 1 >= args.Length) return fallback;
    var text = args[at + 1];
    return text switch
    {
        "true" => 1,
        "false" => 0,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };
}

/// <summary>The process's CPU time between the driver's Measuring and Done reports (sent the moment the stage changes).</summary>
internal sealed class WindowCpu : IProgress<WorkloadProgress>
{
    private TimeSpan? _start;
    private TimeSpan? _end;

    public double Seconds => _start is { } start && _end is { } end ? (end - start).TotalSeconds : double.NaN;

    public void Report(WorkloadProgress value)
    {
        if (value.Stage == WorkloadStage.Measuring && _start is null) _start = Process.GetCurrentProcess().TotalProcessorTime;
        else if (value.Stage == WorkloadStage.Done && _end is null) _end = Process.GetCurrentProcess().TotalProcessorTime;
    }
}

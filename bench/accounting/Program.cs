using System.Diagnostics;
using System.Globalization;
using Assay.Core.Plans;
using Assay.Engine.Runtime;
using Assay.Runtimes.Local;
using Assay.Runtimes.Local.Cgroups;
using Assay.Runtimes.Local.Ledger;
using Assay.Specs.Catalogs;

// Checks the local runtime's accounting against a program whose CPU time and memory are known:
//   CPU:    a burner told to use X CPU-seconds is reported within 1% + 20 ms of X;
//   memory: a burner that touches N MiB shows a peak within 5% of N MiB plus its own baseline;
//   cost:   sampling 10 instances at 1 Hz costs under 1% of one core.
var root = FindRoot();
var catalog = CatalogLoader.Load([Path.Combine(root, "bench", "accounting", "catalog")]).Value
    ?? throw new InvalidOperationException("bench/accounting/catalog/burner.yaml is invalid: run assay validate on it");
var burner = catalog.Find("burner")!;
var noLinks = new Dictionary<string, string>();
var work = Directory.CreateTempSubdirectory("assay-accounting-").FullName;
AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(work, recursive: true);
var accounting = AccountingDetector.Detect();
var runId = $"bench-accounting-{Environment.ProcessId}";
using var ledger = RunLedger.Open(Path.Combine(work, "ledger"), runId, TimeProvider.System);
using var runtime = new LocalRuntime(new LocalRuntimeOptions(root, TimeSpan.FromSeconds(1)), accounting, ledger, TimeProvider.System);
Console.WriteLine($"accounting: {accounting.Kind}");

var failures = 0;
Console.WriteLine();
Console.WriteLine("CPU: told X cpu-seconds, reported (cgroup total over the process's life)");
Console.WriteLine("   X (s)   burner's own (s)   reported (s)   error (ms)   allowed (ms)   verdict");
foreach (var seconds in new[] { 0.5, 1.0, 2.0, 4.0 })
{
    var (usage, own, _) = await DeployAsync(seconds, 0);
    var reported = usage.Series[^1].CpuSeconds;
    var error = (reported - seconds) * 1000;
    var allowed = seconds * 0.01 * 1000 + 20;
    var ok = Math.Abs(error) <= allowed;
    failures += ok ? 0 : 1;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{seconds,8:0.00} {own,18:0.000} {reported,14:0.000} {error,12:0.0} {allowed,14:0.0}   {(ok ? "ok" : "FAIL")}"));
}

Console.WriteLine();
Console.WriteLine("Memory: touched N MiB, peak working set minus the burner's baseline (N = 0)");
var (baseline, _, _) = await DeployAsync(0, 0);
var baselineMib = baseline.MemoryPeakBytes / 1048576.0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline peak: {baselineMib:0.0} MiB"));
Console.WriteLine("   N (MiB)   peak (MiB)   peak - baseline   error      verdict");
foreach (var mib in new[] { 64, 256, 512 })
{
    var (usage, _, _) = await DeployAsync(0, mib);
    var peak = usage.MemoryPeakBytes / 1048576.0;
    var net = peak - baselineMib;
    var error = (net - mib) / mib;
    var ok = Math.Abs(error) <= 0.05;
    failures += ok ? 0 : 1;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{mib,10} {peak,12:0.0} {net,17:0.0} {error,9:P1}      {(ok ? "ok" : "FAIL")}"));
}

Console.WriteLine();
Console.WriteLine("Sampling cost: 10 instances, one reading of each per tick");
var (sampled, perTickMicroseconds) = await SamplingCostAsync(10, 2000);
var percentOfCore = perTickMicroseconds / 1e6 * 100; // one tick a second
var cheap = percentOfCore < 1;
failures += cheap ? 0 : 1;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{sampled} instances: {perTickMicroseconds:0} µs of CPU per tick = {percentOfCore:0.000}% of one core at 1 Hz   {(cheap ? "ok" : "FAIL")}"));

Console.WriteLine();
Console.WriteLine(failures == 0 ? "all accounting checks passed" : $"{failures} accounting check(s) FAILED");
return failures == 0 ? 0 : 1;

async Task<(Assay.Core.Measurements.ComponentUsage Usage, double Own, string Log)> DeployAsync(double cpuSeconds, int memoryMib)
{
    var component = new ComponentPlan("burner", burner, new Dictionary<string, string>
    {
        ["cpu-seconds"] = cpuSeconds.ToString(CultureInfo.InvariantCulture),
        ["memory-mib"] = memoryMib.ToString(CultureInfo.InvariantCulture),
    }, ResourcePlan.Unlimited, 1, noLinks);
    var trial = Directory.CreateDirectory(Path.Combine(work, $"trial-{Guid.NewGuid():N}")).FullName;
    await using var deployment = await runtime.DeployAsync(
        new DeploymentRequest(runId, 1, Variant([component]), PlacementPlan.Unpinned, trial), null, CancellationToken.None);
    var stdout = Path.Combine(trial, "burner-0", "stdout.log");
    var line = await WaitForLineAsync(stdout, "burned ");
    // Read at once: the burner prints the line the moment its own CPU time reaches X, and whatever its
    // runtime does afterwards (background JIT, timers) is real CPU, but not the burn being checked.
    var usage = deployment.Usage.Collect().Single();
    var own = double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    return (usage, own, line);
}

async Task<(int Instances, double PerTickMicroseconds)> SamplingCostAsync(int instances, int ticks)
{
    var components = new ComponentPlan("idle", burner, new Dictionary<string, string>(), ResourcePlan.Unlimited, instances, noLinks);
    var trial = Directory.CreateDirectory(Path.Combine(work, $"trial-{Guid.NewGuid():N}")).FullName;
    await using var deployment = await runtime.DeployAsync(
        new DeploymentRequest(runId, 2, Variant([components]), PlacementPlan.Unpinned, trial), null, CancellationToken.None);
    // Time the readings themselves: what the sampler does once a second, done many times in a row.
    var groups = Directory.GetDirectories(trial).Length;
    var monitor = deployment.Usage;
    var before = Process.GetCurrentProcess().TotalProcessorTime;
    for (var i = 0; i < ticks; i++) monitor.Collect();
    var after = Process.GetCurrentProcess().TotalProcessorTime;
    return (groups, (after - before).TotalMicroseconds / ticks);
}

// The runtime only deploys; the workload is never driven here, so any plan will do.
static VariantPlan Variant(IReadOnlyList<ComponentPlan> components) => new(
    "bench", components,
    new HttpWorkloadPlan(new TargetPlan(null, null, new Uri("http://127.0.0.1:9")), [], new ClosedModel(1, TimeSpan.Zero, TimeSpan.Zero), TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
    [], new Dictionary<string, string>());

static async Task<string> WaitForLineAsync(string file, string prefix)
{
    for (var i = 0; i < 30_000; i++)
    {
        if (File.Exists(file))
        {
            var line = (await File.ReadAllLinesAsync(file)).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            if (line is not null) return line;
        }
        await Task.Delay(2);
    }
    throw new TimeoutException($"no '{prefix}' line in {file}");
}

static string FindRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "Assay.slnx"))) return d.FullName;
    throw new InvalidOperationException("run from the repository");
}

using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Engine.Load;
using Assay.Runtimes.Local.Cgroups;
using Assay.Runtimes.Local.Ledger;
using Assay.Runtimes.Local.Processes;
using Assay.Runtimes.Local.Sampling;
using Assay.Workloads.LoadGeneration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assay.Runtimes.Local.Load;

/// <summary>
/// Runs the workload driver in its own process: pinned to its own CPUs when the placement says so,
/// in its own accounting group so its CPU time is measured like a component's, with socket
/// continuations inlined on the epoll threads (the fastest mode for a load generator). It reports
/// progress as JSON lines on stdout; cancelling sends it SIGTERM and it still reports what it measured.
/// </summary>
public sealed class LocalLoadGenerator(
    LoadGeneratorCommand command, IAccountingBackend accounting, RunLedger ledger, TimeSpan sampleInterval, TimeProvider time, ILogger? logger = null)
    : ILoadGenerator
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public const string ComponentName = "loadgen";

    /// <summary>
    /// The generator's runtime settings: socket continuations inline on the epoll thread (the Socket
    /// engine's fastest mode), no profile-guided re-compilation in the middle of the window (it cost
    /// about 15% of a 10 s run), workstation non-concurrent GC (no background GC thread competing for
    /// the generator's core). See bench/http-loadgen/README.md.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> GeneratorEnvironment = new Dictionary<string, string>
    {
        ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1",
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_gcConcurrent"] = "0",
    };

    /// <summary>Slack beyond warm-up + duration + timeout before a silent generator is killed.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(30);

    public async Task<LoadResult> RunAsync(LoadRequest request, IProgress<WorkloadProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        Directory.CreateDirectory(request.Directory);
        var requestPath = Path.Combine(request.Directory, "request.json");
        await new LoadGenRequest(request.Plan, request.Endpoints, request.Seed).WriteAsync(requestPath, cancellationToken);

        var group = accounting.Create(request.RunId, $"t{request.Trial}-{request.Variant}-{ComponentName}", ResourcePlan.Unlimited);
        ledger.RecordCgroups(group.Directories);
        var spec = new LaunchSpec(
            command.FileName,
            [.. command.Args, requestPath],
            GeneratorEnvironment,
            request.Directory,
            null,
            Path.Combine(request.Directory, "stderr.log"),
            group.ProcsFiles,
            request.CpuSet);

        LocalProcess? process = null;
        try
        {
            process = await LocalProcess.StartAsync(spec, cancellationToken);
            ledger.RecordProcess(process.Identity);
            group.Attach(process.Pid);
            RuntimeLog.LoadGeneratorStarted(_logger, process.Pid, request.CpuSet ?? "any", requestPath);
            await using var sampler = new UsageSampler([new SampledInstance(ComponentName, 0, group)], sampleInterval, time);
            var marked = new MarkingProgress(sampler, progress);

            var pid = process.Pid;
            await using var stop = cancellationToken.Register(() => Posix.Signal(pid, Posix.SigTerm));
            using var deadline = new CancellationTokenSource(Budget(request.Plan), time);
            WorkloadMeasurement? measurement;
            try
            {
                measurement = await LoadGenClient.ReadAsync(process.StandardOutput!, marked, _logger, deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                return new LoadResult(null, null, $"the load generator gave no result within {Budget(request.Plan)}: {process.LogTail()}");
            }
            var exitCode = await process.StopAsync(Posix.SigTerm, TimeSpan.FromSeconds(5), CancellationToken.None);
            RuntimeLog.LoadGeneratorEnded(_logger, exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", measurement is not null);
            sampler.MarkWindowEnd();
            var usage = sampler.Collect()[0];
            var error = measurement is null || exitCode != 0
                ? $"the load generator exited with code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} {(measurement is null ? "without a result" : "")}: {process.LogTail()}".Trim()
                : null;
            return new LoadResult(measurement, usage, error);
        }
        finally
        {
            if (process is not null) await process.DisposeAsync();
            // It may hold the targets' credentials, which live no longer than the run's servers.
            File.Delete(requestPath);
            group.Destroy();
            var pid = process?.Pid;
            var directories = group.Directories;
            ledger.Forget(e => (e.Kind == LedgerEntryKind.Process && e.Pid == pid) || (e.Kind == LedgerEntryKind.Cgroup && directories.Contains(e.Path!)));
        }
    }

    private static TimeSpan Budget(WorkloadPlan plan) => plan.WarmUp + plan.Duration + plan.Timeout + Slack;

    /// <summary>Marks the usage window at the driver's stage changes, on the reporting thread, before passing progress on.</summary>
    private sealed class MarkingProgress(UsageSampler sampler, IProgress<WorkloadProgress> inner) : IProgress<WorkloadProgress>
    {
        public void Report(WorkloadProgress value)
        {
            if (value.Stage == WorkloadStage.Measuring) sampler.MarkWindowStart();
            else if (value.Stage == WorkloadStage.Done) sampler.MarkWindowEnd();
            inner.Report(value);
        }
    }
}

using System.Reflection;
using System.Runtime.InteropServices;
using Assay.Core.Plans;
using Assay.Core.Results;
using Assay.Engine.Events;
using Assay.Engine.Runtime;
using Assay.Engine.Running;
using Assay.Engine.Storage;
using Assay.Runtimes.Local;
using Assay.Runtimes.Local.Cgroups;
using Assay.Runtimes.Local.Ledger;
using Assay.Runtimes.Local.Load;
using Assay.Runtimes.Local.Machine;
using Assay.Cli.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Assay.Cli.Composition;

/// <summary>
/// Puts the local lab together for one run: accounting, the run's ledger, the local runtime, the load
/// generator process and the engine, then writes result.json into the run's folder.
/// </summary>
internal sealed class LocalRun(Lab lab, IRunStore store, LoadGeneratorCommand loadGenerator, TimeSpan sampleInterval)
{
    /// <summary>Problems that stop the plan before anything starts (a missing binary, a CPU that does not exist).</summary>
    public async Task<IReadOnlyList<PreflightProblem>> PreflightAsync(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        using var ledger = RunLedger.Open(lab.Paths.Ledgers, "preflight-" + Environment.ProcessId, lab.Time);
        using var runtime = new LocalRuntime(new LocalRuntimeOptions(lab.Paths.Root, sampleInterval), AccountingDetector.Detect(), ledger, lab.Time);
        return await runtime.PreflightAsync(plan, cancellationToken);
    }

    public async Task<(RunResult Result, string ResultPath)> RunAsync(ExperimentPlan plan, int seed, IProgress<RunEvent> progress, CancellationToken cancellationToken)
    {
        var runId = RunIds.New(plan.Info.Name, lab.Time.GetUtcNow(), new Random());
        var directory = Path.Combine(lab.Paths.Runs, runId);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "experiment.yaml"), plan.Source.Text, cancellationToken);

        using var logging = LoggerFactory.Create(builder => builder.AddProvider(new FileLoggerProvider(Path.Combine(directory, "assay.log"), lab.Time)));
        if (plan.Placement.LoadGenerator is { } generatorCpus && LabAffinity.PinThisProcess(generatorCpus) is { } notPinned)
            logging.CreateLogger("lab").LogWarning("{Problem}", notPinned);
        var accounting = AccountingDetector.Detect();
        var ledger = RunLedger.Open(lab.Paths.Ledgers, runId, lab.Time);
        RunResult result;
        using (var runtime = new LocalRuntime(new LocalRuntimeOptions(lab.Paths.Root, sampleInterval), accounting, ledger, lab.Time, logging.CreateLogger("runtime")))
        {
            var generator = new LocalLoadGenerator(loadGenerator, accounting, ledger, sampleInterval, lab.Time, logging.CreateLogger("loadgen"));
            var engine = new RunEngine(new TrialRunner(runtime, generator, store, lab.Time), store, lab.Time);
            var environment = new EnvironmentInfo(
                runtime.Name,
                accounting.Kind.ToText(),
                MachineProbe.Read(),
                Version(),
                RuntimeInformation.FrameworkDescription,
                plan.Placement,
                sampleInterval.TotalSeconds)
            {
                Technologies = await runtime.VersionsAsync(plan, cancellationToken),
            };
            result = await engine.RunAsync(plan, new RunContext(runId, directory, seed, environment), progress, cancellationToken);
        }
        // Everything the run started has been stopped; the ledger has nothing left to reap.
        ledger.Dispose();

        var resultPath = Path.Combine(directory, "result.json");
        await File.WriteAllTextAsync(resultPath, ResultJson.Serialize(result), CancellationToken.None);
        return (result, resultPath);
    }

    public static string Version() =>
        typeof(LocalRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}

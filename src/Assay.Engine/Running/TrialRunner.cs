using Assay.Core.Cost;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Core.Results;
using Assay.Engine.Events;
using Assay.Engine.Load;
using Assay.Engine.Runtime;
using Assay.Engine.Storage;

namespace Assay.Engine.Running;

/// <summary>
/// One trial of one variant: deploy fresh components, drive the workload, collect usage, tear down.
/// Teardown is in a finally; expected failures (a component that will not start or crashes, a load
/// generator that fails, cancellation) come back as the trial's status with what was measured so far.
/// </summary>
public sealed class TrialRunner(IRuntime runtime, ILoadGenerator loadGenerator, IRunStore store, TimeProvider time)
{
    public async Task<TrialRun> RunAsync(
        ExperimentPlan plan, ScheduledTrial slot, RunContext context, IProgress<RunEvent> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(progress);
        var startedAt = time.GetUtcNow();
        var variant = slot.Variant;
        var directory = Path.Combine(context.Directory, slot.FolderName, variant.Name);
        Directory.CreateDirectory(directory);

        UsageWindow? window = null;
        TrialRun Finish(RunStatus status, WorkloadMeasurement? measurement, IReadOnlyList<ComponentUsage> usage, ComponentUsage? loadUsage, RunIssue? issue) =>
            new(new TrialOutcome(slot.Trial, variant.Name, status, startedAt, time.GetUtcNow() - startedAt, measurement, usage, loadUsage, issue?.Message)
            {
                UsageWindow = window,
            }, issue);

        await PhaseAsync(context, slot, RunPhase.Provisioning, progress);
        IDeployment deployment;
        try
        {
            var instanceProgress = new InlineProgress<InstanceStarted>(s =>
                progress.Report(new InstanceReady(time.GetUtcNow(), s.Component, s.Replica, s.Ports, s.StartupTime)));
            deployment = await runtime.DeployAsync(
                new DeploymentRequest(context.RunId, slot.Trial, variant, plan.Placement, directory), instanceProgress, cancellationToken);
        }
        catch (DeploymentFailedException ex)
        {
            return Finish(RunStatus.Error, null, [], null,
                new RunIssue(nameof(RunPhase.Provisioning), variant.Name, slot.Trial, ex.Component, ex.Message, ex.LogTail));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Finish(RunStatus.Cancelled, null, [], null, null);
        }

        await using (deployment)
        {
            await PhaseAsync(context, slot, RunPhase.Ready, progress);
            var endpoints = TargetResolver.Resolve(variant.Workload, variant, deployment.Instances);

            await PhaseAsync(context, slot, RunPhase.Running, progress);
            using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var loadProgress = new InlineProgress<WorkloadProgress>(p =>
            {
                if (p.Stage == WorkloadStage.Measuring) deployment.Usage.MarkWindowStart();
                else if (p.Stage == WorkloadStage.Done) deployment.Usage.MarkWindowEnd();
                progress.Report(new WorkloadTick(time.GetUtcNow(), slot.Trial, variant.Name, p));
            });
            var seed = unchecked(context.Seed + slot.Trial * 1000 + slot.VariantIndex);
            var request = new LoadRequest(
                context.RunId, slot.Trial, variant.Name, variant.Workload, endpoints, seed,
                Path.Combine(directory, "loadgen"), plan.Placement.LoadGenerator);
            var loadTask = loadGenerator.RunAsync(request, loadProgress, stopLoad.Token);

            InstanceFailure? failure = null;
            if (await Task.WhenAny(loadTask, deployment.Failure) != loadTask)
            {
                failure = await deployment.Failure;
                await stopLoad.CancelAsync();
            }
            var load = await loadTask;
            deployment.Usage.MarkWindowEnd();

            await PhaseAsync(context, slot, RunPhase.Collecting, progress);
            var usage = deployment.Usage.Collect();
            window = deployment.Usage.Window is { } marked ? new UsageWindow(marked.Start, marked.End) : null;

            if (failure is not null)
            {
                return Finish(RunStatus.Error, load.Measurement, usage, load.Usage,
                    new RunIssue(nameof(RunPhase.Running), variant.Name, slot.Trial, failure.Component, failure.Message, failure.LogTail));
            }
            // A generator stopped by cancellation may report that as an error; the cancellation is the news.
            if (cancellationToken.IsCancellationRequested)
                return Finish(RunStatus.Cancelled, load.Measurement, usage, load.Usage, null);
            if (load.Error is not null)
            {
                return Finish(RunStatus.Error, load.Measurement, usage, load.Usage,
                    new RunIssue(nameof(RunPhase.Running), variant.Name, slot.Trial, "loadgen", load.Error, null));
            }
            return Finish(RunStatus.Passed, load.Measurement, usage, load.Usage, null);
        }
    }

    private async Task PhaseAsync(RunContext context, ScheduledTrial slot, RunPhase phase, IProgress<RunEvent> progress)
    {
        var at = time.GetUtcNow();
        // Phases are recorded even while cancelling: the store is the run's history.
        await store.RecordPhaseAsync(context.RunId, slot.Trial, slot.Variant.Name, phase, at, CancellationToken.None);
        progress.Report(new PhaseChanged(at, phase, slot.Trial, slot.Variant.Name));
    }
}

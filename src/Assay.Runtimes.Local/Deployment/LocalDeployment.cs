using Assay.Engine.Runtime;
using Assay.Runtimes.Local.Probes;
using Assay.Runtimes.Local.Sampling;
using Microsoft.Extensions.Logging;

namespace Assay.Runtimes.Local.Deployment;

/// <summary>
/// A variant's instances while they run. A watcher completes <see cref="Failure"/> the moment an
/// instance exits, or after it fails its probe several times in a row. Disposing stops the watcher,
/// the sampler, then the instances in reverse start order.
/// </summary>
internal sealed class LocalDeployment : IDeployment
{
    private const int ProbeFailuresBeforeDown = 3;
    private static readonly TimeSpan LivenessInterval = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<LocalInstance> _instances;
    private readonly UsageSampler _sampler;
    private readonly ReadinessChecker _checker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<InstanceFailure> _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _watch = new();
    private readonly Task _watcher;
    private int _disposed;

    public LocalDeployment(IReadOnlyList<LocalInstance> instances, UsageSampler sampler, ReadinessChecker checker, TimeProvider time, ILogger logger)
    {
        _logger = logger;
        _instances = instances;
        _sampler = sampler;
        _checker = checker;
        _time = time;
        _watcher = Task.WhenAll(
            Task.WhenAll(instances.Select(i => WatchExitAsync(i, _watch.Token))),
            WatchProbesAsync(_watch.Token));
    }

    public IReadOnlyList<InstanceEndpoint> Instances => [.. _instances.Select(i => i.Endpoint)];

    public Task<InstanceFailure> Failure => _failure.Task;

    public IUsageMonitor Usage => _sampler;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _watch.CancelAsync();
        try
        {
            await _watcher;
        }
        catch (OperationCanceledException)
        {
            // Expected: the watcher stops before the instances do, so stopping them is no failure.
        }
        await _sampler.DisposeAsync();
        for (var i = _instances.Count - 1; i >= 0; i--) await _instances[i].DisposeAsync();
        _watch.Dispose();
    }

    private void Fail(InstanceFailure failure)
    {
        if (_failure.TrySetResult(failure)) RuntimeLog.InstanceFailed(_logger, $"{failure.Component}-{failure.Replica}", failure.Message);
    }

    private async Task WatchExitAsync(LocalInstance instance, CancellationToken cancellationToken)
    {
        var code = await instance.Process.Exited.WaitAsync(cancellationToken);
        Fail(new InstanceFailure(instance.Component, instance.Replica,
            $"component '{instance.Component}' replica {instance.Replica} exited with code {code} during the run", instance.LogTail()));
    }

    private async Task WatchProbesAsync(CancellationToken cancellationToken)
    {
        var failures = new int[_instances.Count];
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(LivenessInterval, _time, cancellationToken);
            for (var i = 0; i < _instances.Count; i++)
            {
                var instance = _instances[i];
                if (instance.Process.HasExited) continue; // WatchExitAsync reports it with the exit code.
                failures[i] = await instance.IsHealthyAsync(_checker, cancellationToken) ? 0 : failures[i] + 1;
                if (failures[i] >= ProbeFailuresBeforeDown)
                {
                    Fail(new InstanceFailure(instance.Component, instance.Replica,
                        $"component '{instance.Component}' replica {instance.Replica} stopped answering its readiness probe ({ProbeFailuresBeforeDown} failures in a row)",
                        instance.LogTail()));
                }
            }
        }
    }
}

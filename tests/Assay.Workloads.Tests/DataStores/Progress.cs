using Assay.Core.Measurements;

namespace Assay.Workloads.Tests.DataStores;

/// <summary>Runs an action once, the moment a workload reports that its measured window opened.</summary>
internal sealed class OnMeasuring(Func<Task> action) : IProgress<WorkloadProgress>
{
    private readonly Lock _gate = new();
    private Task? _started;

    /// <summary>The action's task (completed when it never ran).</summary>
    public Task Started
    {
        get
        {
            lock (_gate) return _started ?? Task.CompletedTask;
        }
    }

    public bool Ran
    {
        get
        {
            lock (_gate) return _started is not null;
        }
    }

    public void Report(WorkloadProgress value)
    {
        if (value.Stage != WorkloadStage.Measuring) return;
        lock (_gate) _started ??= Task.Run(action);
    }
}

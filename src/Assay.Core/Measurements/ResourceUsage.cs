namespace Assay.Core.Measurements;

/// <summary>How per-component CPU and memory were measured; the result records which.</summary>
public enum ResourceAccounting
{
    /// <summary>Unified cgroup hierarchy: cpu.stat and memory.current of a cgroup per component.</summary>
    CgroupV2,
    /// <summary>Legacy controllers: cpuacct.usage and memory.usage_in_bytes of a cgroup per component.</summary>
    CgroupV1,
    /// <summary>No cgroup available: /proc/&lt;pid&gt;/stat and status of the component's process tree.</summary>
    Procfs,
}

/// <summary>One reading of a component instance: cumulative CPU time and current memory (working set).</summary>
/// <param name="OffsetSeconds">Seconds since the trial started.</param>
public sealed record UsageSample(double OffsetSeconds, double CpuSeconds, long MemoryBytes);

/// <summary>
/// A component instance's usage over the measured window: CPU seconds used inside it, average cores,
/// peak and average working-set memory, and the sampled series over the whole trial.
/// </summary>
/// <param name="StartupSeconds">From process start to its first successful readiness probe (cold start); 0 when not measured.</param>
public sealed record ComponentUsage(
    string Component,
    int Replica,
    double CpuSeconds,
    double CpuCoresAvg,
    long MemoryPeakBytes,
    long MemoryAvgBytes,
    IReadOnlyList<UsageSample> Series,
    double StartupSeconds = 0)
{
    /// <summary>Sums replicas of one component: CPU adds up, memory adds up (they run at once).</summary>
    public static ComponentUsage Combine(string component, IReadOnlyList<ComponentUsage> replicas)
    {
        ArgumentNullException.ThrowIfNull(replicas);
        return new ComponentUsage(
            component,
            -1,
            replicas.Sum(r => r.CpuSeconds),
            replicas.Sum(r => r.CpuCoresAvg),
            replicas.Sum(r => r.MemoryPeakBytes),
            replicas.Sum(r => r.MemoryAvgBytes),
            []);
    }
}

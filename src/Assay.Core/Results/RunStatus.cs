namespace Assay.Core.Results;

/// <summary>
/// How a run ended. <c>passed</c>: every threshold held; <c>failed</c>: a threshold failed or a
/// measurement was invalid; <c>error</c>: infrastructure failed (a component crashed, a binary is
/// missing); <c>cancelled</c>: interrupted by the user; <c>aborted</c>: the lab itself was killed and a
/// later invocation reaped what it left.
/// </summary>
public enum RunStatus
{
    Running,
    Passed,
    Failed,
    Error,
    Cancelled,
    Aborted,
}

/// <summary>Lifecycle phases, recorded with timestamps in the store.</summary>
public enum RunPhase
{
    Pending,
    Provisioning,
    Ready,
    Running,
    Collecting,
    Analyzing,
    Complete,
    Failed,
    Cancelled,
}

public static class RunStatusText
{
    public static string ToText(this RunStatus status) => status.ToString().ToLowerInvariant();

    public static RunStatus Parse(string text) => Enum.Parse<RunStatus>(text, ignoreCase: true);

    public static string ToText(this Measurements.ResourceAccounting accounting) => accounting switch
    {
        Measurements.ResourceAccounting.CgroupV2 => "cgroup-v2",
        Measurements.ResourceAccounting.CgroupV1 => "cgroup-v1",
        _ => "procfs",
    };
}

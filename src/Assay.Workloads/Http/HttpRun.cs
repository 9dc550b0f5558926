using Assay.Core.Plans;

namespace Assay.Workloads.Http;

/// <summary>What every connection of one HTTP run shares: the encoded requests, the mix, the clock, the counters.</summary>
internal sealed class HttpRun
{
    /// <summary>The timeout when the plan sets none (zero): long enough never to fire in a trial.</summary>
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    private volatile bool _stopping;

    public HttpRun(HttpWorkloadPlan plan, IReadOnlyList<Uri> targets, int seed, RunClock clock, RunRecorder recorder)
    {
        Plan = plan;
        Seed = seed;
        Clock = clock;
        Recorder = recorder;
        Mix = new RequestMix([.. plan.Requests.Select(r => r.Weight)]);
        Requests = [.. targets.Select(t => plan.Requests.Select(r => HttpRequestEncoder.Encode(r, t)).ToArray())];
        IsHead = [.. plan.Requests.Select(r => r.Method.Equals("HEAD", StringComparison.OrdinalIgnoreCase))];
        TimeoutTicks = RunClock.ToTicks(plan.Timeout > TimeSpan.Zero && plan.Timeout < MaxTimeout ? plan.Timeout : MaxTimeout);
    }

    public HttpWorkloadPlan Plan { get; }

    public int Seed { get; }

    public RunClock Clock { get; }

    public RunRecorder Recorder { get; }

    public RequestMix Mix { get; }

    /// <summary>The mix's requests serialized for each target (Host differs): [target][request].</summary>
    public byte[][][] Requests { get; }

    public bool[] IsHead { get; }

    public long TimeoutTicks { get; }

    /// <summary>Set when the window closes or the run is cancelled: connections send nothing more.</summary>
    public bool Stopping => _stopping;

    public void Stop() => _stopping = true;
}

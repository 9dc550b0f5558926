using Assay.Core.Measurements;
using Assay.Engine.Runtime;
using Assay.Runtimes.Local.Cgroups;

namespace Assay.Runtimes.Local.Sampling;

/// <summary>One measured instance: which component, which replica, its accounting group, and how long it took to start.</summary>
public sealed record SampledInstance(string Component, int Replica, IAccountingGroup Group, double StartupSeconds = 0);

/// <summary>
/// Reads every instance's group at a fixed interval into a series, plus once at each window mark, so
/// CPU seconds in the window are a difference of two exact cumulative readings. Reading ten groups
/// costs a few file reads a second.
/// </summary>
public sealed class UsageSampler : IUsageMonitor, IAsyncDisposable
{
    private readonly IReadOnlyList<Track> _tracks;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private double? _windowStart;
    private double? _windowEnd;

    public UsageSampler(IReadOnlyList<SampledInstance> instances, TimeSpan interval, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(instances);
        _time = time;
        _origin = time.GetTimestamp();
        _tracks = [.. instances.Select(i => new Track(i))];
        SampleAll();
        _loop = RunAsync(interval, _stop.Token);
    }

    public void MarkWindowStart()
    {
        lock (_gate)
        {
            if (_windowStart is not null) return;
            _windowStart = SampleAll();
            foreach (var track in _tracks) track.WindowStart = track.Last;
        }
    }

    public void MarkWindowEnd()
    {
        lock (_gate)
        {
            if (_windowStart is null || _windowEnd is not null) return;
            _windowEnd = SampleAll();
            foreach (var track in _tracks) track.WindowEnd = track.Last;
        }
    }

    public (double Start, double End)? Window
    {
        get
        {
            lock (_gate)
            {
                return _windowStart is { } start ? (start, _windowEnd ?? _tracks.Select(t => t.Last?.OffsetSeconds ?? start).DefaultIfEmpty(start).Max()) : null;
            }
        }
    }

    public IReadOnlyList<ComponentUsage> Collect()
    {
        lock (_gate)
        {
            var now = _windowEnd is null ? SampleAll() : _windowEnd.Value;
            return [.. _tracks.Select(t => t.Usage(_windowStart, _windowEnd ?? now))];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping is the point.
        }
        _stop.Dispose();
    }

    private async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            lock (_gate) SampleAll();
        }
    }

    private double SampleAll()
    {
        var offset = _time.GetElapsedTime(_origin).TotalSeconds;
        foreach (var track in _tracks) track.Sample(offset);
        return offset;
    }

    private sealed class Track(SampledInstance instance)
    {
        private readonly List<UsageSample> _samples = [];

        public UsageSample? Last { get; private set; }

        public UsageSample? WindowStart { get; set; }

        public UsageSample? WindowEnd { get; set; }

        public void Sample(double offset)
        {
            try
            {
                var reading = instance.Group.Read();
                Last = new UsageSample(offset, reading.CpuSeconds, reading.MemoryBytes);
                _samples.Add(Last);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // The group is gone (the instance stopped): the series ends at the last good reading.
            }
        }

        public ComponentUsage Usage(double? windowStart, double windowEnd)
        {
            var start = WindowStart ?? _samples.FirstOrDefault();
            var end = WindowEnd ?? Last;
            if (start is null || end is null)
                return new ComponentUsage(instance.Component, instance.Replica, 0, 0, 0, 0, [.. _samples], instance.StartupSeconds);
            var from = windowStart ?? start.OffsetSeconds;
            var inWindow = _samples.Where(s => s.OffsetSeconds >= from - 1e-9 && s.OffsetSeconds <= windowEnd + 1e-9).ToList();
            if (inWindow.Count == 0) inWindow = [end];
            var cpu = Math.Max(0, end.CpuSeconds - start.CpuSeconds);
            var seconds = end.OffsetSeconds - start.OffsetSeconds;
            return new ComponentUsage(
                instance.Component,
                instance.Replica,
                cpu,
                seconds > 0 ? cpu / seconds : 0,
                inWindow.Max(s => s.MemoryBytes),
                (long)inWindow.Average(s => s.MemoryBytes),
                [.. _samples],
                instance.StartupSeconds);
        }
    }
}

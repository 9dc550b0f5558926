using Assay.Workloads.LogsIngest.Lines;

namespace Assay.Apps.Logs;

/// <summary>
/// Prints lines to stdout at the configured rate, as a service's access log would, in ticks of 100 ms: each tick
/// prints the lines due since the settings last changed, so the rate holds on average whatever the tick jitter.
/// </summary>
internal sealed class LogEmitter(LogSettings initial, int seed, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private LogSettings _settings = initial;
    private LogLineGenerator _generator = new(seed, initial.Services);
    private long _since = time.GetTimestamp();
    private long _printedSinceChange;
    private long _printed;

    public int Seed => seed;

    public LogSettings Settings
    {
        get
        {
            lock (_gate) return _settings;
        }
    }

    public long Printed => Interlocked.Read(ref _printed);

    /// <summary>New settings take effect from now; a new service count starts a new (still seeded) sequence.</summary>
    public void Apply(LogSettings settings)
    {
        lock (_gate)
        {
            if (settings.Services != _settings.Services) _generator = new LogLineGenerator(unchecked(seed + settings.Services), settings.Services);
            _settings = settings;
            _since = time.GetTimestamp();
            _printedSinceChange = 0;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var line in Due()) await stdout.WriteLineAsync(line.AsMemory(), stoppingToken);
                await stdout.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the lines printed so far are flushed when the writer is disposed.
        }
    }

    private List<string> Due()
    {
        lock (_gate)
        {
            var due = (long)(_settings.Rate * time.GetElapsedTime(_since).TotalSeconds) - _printedSinceChange;
            var lines = new List<string>((int)Math.Clamp(due, 0, 100_000));
            var now = time.GetUtcNow();
            for (var i = 0; i < due; i++) lines.Add(_generator.Next(now).ToJson());
            _printedSinceChange += lines.Count;
            Interlocked.Add(ref _printed, lines.Count);
            return lines;
        }
    }
}

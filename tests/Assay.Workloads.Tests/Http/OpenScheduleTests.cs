using System.Diagnostics;
using Assay.Workloads.Http;

namespace Assay.Workloads.Tests.Http;

public class OpenScheduleTests
{
    private static readonly long Second = Stopwatch.Frequency;

    [Fact(Timeout = 10_000)]
    public async Task Request_k_is_due_k_over_rate_after_the_start()
    {
        await Task.Yield();
        var schedule = new OpenSchedule(start: 1000, ratePerSecond: 4);

        Assert.Equal(1000, schedule.DueAt(0));
        Assert.Equal(1000 + (Second / 4), schedule.DueAt(1));
        Assert.Equal(1000 + (10 * Second), schedule.DueAt(40));
    }

    [Theory(Timeout = 10_000)]
    [InlineData(1000.0, 0.0, 1.0, 1000)]
    [InlineData(1000.0, 2.0, 12.0, 10_000)]
    [InlineData(3.0, 0.5, 1.5, 3)]
    [InlineData(7.0, 0.1, 0.2, 1)]
    [InlineData(0.5, 0.0, 10.0, 5)]
    public async Task The_count_due_in_a_window_is_rate_times_length(double rate, double fromSeconds, double toSeconds, long expected)
    {
        await Task.Yield();
        var schedule = new OpenSchedule(start: 5 * Second, rate);

        var count = schedule.CountDueIn(schedule.Start + (long)(fromSeconds * Second), schedule.Start + (long)(toSeconds * Second));

        Assert.Equal(expected, count);
    }

    [Fact(Timeout = 10_000)]
    public async Task Counting_agrees_with_the_due_times_at_awkward_rates()
    {
        await Task.Yield();
        foreach (var rate in new[] { 1.0 / 3, 3.0, 7.7, 333.3, 12_345.6 })
        {
            var schedule = new OpenSchedule(start: 123_456_789, rate);
            var from = schedule.Start + (Second / 3);
            var to = schedule.Start + (2 * Second) + 17;
            var expected = 0;
            for (long k = 0; schedule.DueAt(k) < to; k++)
            {
                if (schedule.DueAt(k) >= from) expected++;
            }
            Assert.Equal(expected, schedule.CountDueIn(from, to));
        }
    }

    [Fact(Timeout = 10_000)]
    public async Task Numbers_are_taken_once_each_across_threads()
    {
        var schedule = new OpenSchedule(0, 1000);
        var taken = new System.Collections.Concurrent.ConcurrentBag<long>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++) taken.Add(schedule.Take());
        })));

        Assert.Equal(Enumerable.Range(0, 40_000).Select(i => (long)i), taken.Order());
    }
}

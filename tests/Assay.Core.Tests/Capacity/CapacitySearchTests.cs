using Assay.Core.Capacity;

namespace Assay.Core.Tests.Capacity;

public sealed class CapacitySearchTests
{
    /// <summary>Runs a search against a system that meets the SLO up to <paramref name="capacity"/> and misses it above.</summary>
    private static CapacitySearch Against(double capacity, double start, double max, double precision) =>
        Against(rate => rate <= capacity, new CapacitySearch(start, max, precision));

    private static CapacitySearch Against(Func<double, bool> passes, CapacitySearch search)
    {
        while (search.NextRate() is { } rate)
        {
            Assert.True(search.Steps.Count < search.StepLimit, $"the search proposed step {search.Steps.Count + 1} past its limit of {search.StepLimit}");
            search.Record(rate, passes(rate));
        }
        return search;
    }

    [Fact]
    public void Doubles_until_a_step_fails_then_bisects_until_the_bracket_is_within_the_precision()
    {
        // 10…160 pass, 320 fails; (160+320)/2 = 240 passes; 280 fails; 260 fails; 260 − 240 = 20 ≤ 0.1 × 240.
        var search = Against(capacity: 250, start: 10, max: 1000, precision: 0.1);

        Assert.Equal([10, 20, 40, 80, 160, 320, 240, 280, 260], search.Steps.Select(s => s.Rate));
        Assert.Equal([true, true, true, true, true, false, true, false, false], search.Steps.Select(s => s.Passed));
        Assert.Equal(240, search.Rate);
        Assert.Equal(260, search.LowestFail);
        Assert.True(search.IsDone);
        Assert.Null(search.Note);
    }

    [Fact]
    public void Ends_within_the_precision_of_a_known_capacity()
    {
        var search = Against(capacity: 437, start: 10, max: 2000, precision: 0.05);

        Assert.InRange(search.Rate, 437 / 1.05, 437);
        Assert.True(search.LowestFail > 437);
        Assert.True(search.LowestFail - search.Rate <= 0.05 * search.Rate);
        Assert.Null(search.Note);
    }

    [Fact]
    public void A_failing_start_ends_at_once_with_rate_zero_and_says_so()
    {
        var search = Against(capacity: 5, start: 10, max: 1000, precision: 0.05);

        Assert.Equal([new RateTried(10, false)], search.Steps);
        Assert.Equal(0, search.Rate);
        Assert.Null(search.HighestPass);
        Assert.Null(search.NextRate());
        Assert.Contains("even the start rate (10/s) missed the SLO", search.Note, StringComparison.Ordinal);
        Assert.Contains("lower start", search.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passing_max_is_tried_itself_and_reported_as_a_lower_bound()
    {
        var search = Against(capacity: 1e9, start: 10, max: 100, precision: 0.05);

        Assert.Equal([10, 20, 40, 80, 100], search.Steps.Select(s => s.Rate));
        Assert.Equal(100, search.Rate);
        Assert.Null(search.LowestFail);
        Assert.Contains("capacity is at least max (100/s)", search.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_start_equal_to_max_is_one_step()
    {
        var search = Against(capacity: 1e9, start: 50, max: 50, precision: 0.05);

        Assert.Equal([new RateTried(50, true)], search.Steps);
        Assert.Equal(50, search.Rate);
        Assert.Equal(1 + 5 + 1, search.StepLimit); // one rate, ⌈log₂ 20⌉ = 5 bisections, one for rounding
    }

    [Fact]
    public void Against_a_monotone_system_every_pass_is_below_every_fail_and_doubling_only_climbs()
    {
        var search = Against(capacity: 777, start: 3, max: 5000, precision: 0.02);

        var passed = search.Steps.Where(s => s.Passed).Select(s => s.Rate).ToList();
        var failed = search.Steps.Where(s => !s.Passed).Select(s => s.Rate).ToList();
        Assert.True(passed.Max() < failed.Min());
        var firstFail = search.Steps.ToList().FindIndex(s => !s.Passed);
        var doubling = search.Steps.Take(firstFail + 1).Select(s => s.Rate).ToList();
        Assert.All(doubling.Zip(doubling.Skip(1)), pair => Assert.Equal(Math.Min(pair.First * 2, 5000), pair.Second));
        // Every bisection step lies strictly inside the bracket known when it was proposed.
        for (var i = firstFail + 1; i < search.Steps.Count; i++)
        {
            var before = search.Steps.Take(i).ToList();
            var low = before.Where(s => s.Passed).Max(s => s.Rate);
            var high = before.Where(s => !s.Passed).Min(s => s.Rate);
            Assert.InRange(search.Steps[i].Rate, low + 1e-9, high - 1e-9);
        }
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.05)]
    [InlineData(0.25)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void Over_many_capacities_the_result_is_the_highest_pass_within_the_precision_of_the_lowest_fail(double precision)
    {
        const double start = 10, max = 4000;
        double[] edges = [1, 9.99, 10, 10.01, 19.99, 20, 640, 641, 3999, 4000, 4001, 1e6];
        var capacities = edges.Concat(Enumerable.Range(0, 60).Select(i => start * Math.Pow(1.13, i)));
        foreach (var capacity in capacities)
        {
            var search = Against(capacity, start, max, precision);

            Assert.True(search.IsDone);
            Assert.InRange(search.Steps.Count, 1, search.StepLimit);
            if (capacity < start)
            {
                Assert.Equal(0, search.Rate);
                Assert.NotNull(search.Note);
            }
            else if (capacity >= max)
            {
                Assert.Equal(max, search.Rate);
                Assert.NotNull(search.Note);
            }
            else
            {
                Assert.Null(search.Note);
                Assert.InRange(search.Rate, start, capacity);
                Assert.True(search.LowestFail > capacity, $"capacity {capacity}: lowest fail {search.LowestFail}");
                Assert.True(search.LowestFail - search.Rate <= precision * search.Rate, $"capacity {capacity}: bracket {search.Rate}–{search.LowestFail}");
            }
            if (search.Rate > 0) Assert.Contains(new RateTried(search.Rate, true), search.Steps);
        }
    }

    [Fact]
    public void A_noisy_system_still_ends_within_the_limit_with_a_rate_that_passed_below_every_rate_that_failed_after_it()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var search = Against(_ => random.NextDouble() < 0.7, new CapacitySearch(5, 10_000, 0.01));

            Assert.True(search.IsDone);
            Assert.InRange(search.Steps.Count, 1, search.StepLimit);
            if (search.Rate > 0) Assert.Contains(new RateTried(search.Rate, true), search.Steps);
            if (search.LowestFail is { } fail && search.HighestPass is { } pass) Assert.True(pass < fail);
        }
    }

    [Fact]
    public void The_rate_recorded_must_be_the_rate_proposed_and_nothing_is_recorded_after_the_end()
    {
        var search = new CapacitySearch(10, 100, 0.05);

        Assert.Equal(10, search.NextRate());
        Assert.Equal(10, search.NextRate());
        var wrong = Assert.Throws<ArgumentException>(() => search.Record(12, true));
        Assert.Contains("proposed 10/s", wrong.Message, StringComparison.Ordinal);

        search.Record(10, false);
        Assert.Throws<InvalidOperationException>(() => search.Record(10, false));
    }

    [Theory]
    [InlineData(0, 100, 0.05)]
    [InlineData(-1, 100, 0.05)]
    [InlineData(10, 5, 0.05)]
    [InlineData(10, double.PositiveInfinity, 0.05)]
    [InlineData(10, 100, 0)]
    [InlineData(10, 100, double.NaN)]
    public void Rejects_a_plan_that_cannot_be_searched(double start, double max, double precision) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CapacitySearch(start, max, precision));

    [Fact]
    public void A_plan_gives_its_start_max_and_precision()
    {
        var search = CapacitySearch.For(new CapacityPlan("latency", 25, 800, 0.1, TimeSpan.FromSeconds(2)));

        Assert.Equal((25d, 800d, 0.1), (search.Start, search.Max, search.Precision));
        // 25…800 is six rates, ⌈log₂ 10⌉ = 4 bisections, one for rounding.
        Assert.Equal(6 + 4 + 1, search.StepLimit);
    }
}

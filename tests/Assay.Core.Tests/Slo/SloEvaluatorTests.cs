using Assay.Core.Measurements;
using Assay.Core.Slo;
using Assay.Core.Statistics;

namespace Assay.Core.Tests.Slo;

public sealed class SloEvaluatorTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private static readonly SloPlan Availability = new("availability", SloKind.Availability, 99.9);

    private static WorkloadMeasurement Run(params OperationMeasurement[] operations) => Samples.Workload(Window, operations);

    [Fact]
    public void Availability_exactly_at_the_objective_passes_with_nothing_left()
    {
        // 1 failure in 1000: SLI 99.9% = objective; error ratio 0.001 = b, so consumed 1, remaining 0, burn rate 1.
        var result = SloEvaluator.Evaluate(Availability, Run(Samples.Operation("get", 1000, 1)));

        Assert.Equal(new SloResult("availability", SloKind.Availability, 99.9, null, null, 999, 1000, 99.9, 1, 0, 1, true), result);
    }

    [Fact]
    public void Availability_below_the_objective_fails_and_shows_the_overspent_budget()
    {
        // 5 failures in 2000 over two operations: SLI 99.75%; error ratio 0.0025 / 0.001 = 2.5 budgets; remaining −1.5.
        var result = SloEvaluator.Evaluate(Availability, Run(Samples.Operation("get", 1500, 2), Samples.Operation("put", 500, 3)));

        Assert.Equal(1995, result.Good);
        Assert.Equal(2000, result.Total);
        Assert.Equal(99.75, result.Sli);
        Assert.Equal(2.5, result.BudgetConsumed);
        Assert.Equal(-1.5, result.BudgetRemaining);
        Assert.Equal(2.5, result.BurnRate);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Availability_without_errors_keeps_the_whole_budget()
    {
        var result = SloEvaluator.Evaluate(Availability with { Objective = 99 }, Run(Samples.Operation("get", 400, 0)));

        Assert.Equal(100, result.Sli);
        Assert.Equal(0, result.BudgetConsumed);
        Assert.Equal(1, result.BudgetRemaining);
        Assert.Equal(0, result.BurnRate);
        Assert.True(result.Passed);
    }

    [Fact]
    public void An_operation_filter_reads_only_that_request_of_the_mix()
    {
        // put alone: 3 failures in 500, SLI 99.4% against 99%: b = 0.01, error ratio 0.006, consumed 0.6.
        var slo = new SloPlan("put-availability", SloKind.Availability, 99, Operation: "put");

        var result = SloEvaluator.Evaluate(slo, Run(Samples.Operation("get", 1500, 200), Samples.Operation("put", 500, 3)));

        Assert.Equal((497L, 500L), (result.Good, result.Total));
        Assert.Equal(99.4, result.Sli);
        Assert.Equal(0.6, result.BudgetConsumed);
        Assert.Equal(0.4, result.BudgetRemaining!.Value, 12);
        Assert.Equal("put", result.Operation);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Nothing_measured_is_a_failure_without_an_sli_never_a_vacuous_pass()
    {
        var empty = SloEvaluator.Evaluate(Availability, Run());
        var missingOperation = SloEvaluator.Evaluate(Availability with { Operation = "nope" }, Run(Samples.Operation("get", 10, 0)));

        foreach (var result in new[] { empty, missingOperation })
        {
            Assert.False(result.Passed);
            Assert.Null(result.Sli);
            Assert.Null(result.BudgetRemaining);
            Assert.Null(result.BurnRate);
            Assert.Equal(0, result.Total);
        }
    }

    [Fact]
    public void Latency_sli_is_the_share_of_answered_operations_within_the_threshold()
    {
        // 990 answers at 100 µs and 10 at 2 ms; threshold 1 ms: 990 / 1000 = 99% good. Objective 99.5:
        // b = 0.005, error ratio 0.01, consumed 2, remaining −1.
        var latency = LatencyHistogram.Create();
        latency.RecordMicroseconds(100, 990);
        latency.RecordMicroseconds(2_000, 10);
        var slo = new SloPlan("fast", SloKind.Latency, 99.5, TimeSpan.FromMilliseconds(1));

        var result = SloEvaluator.Evaluate(slo, Run(Samples.Operation("get", 1000, 0, latency)));

        Assert.Equal(new SloResult("fast", SloKind.Latency, 99.5, 1, null, 990, 1000, 99, 2, -1, 2, false), result);
    }

    [Fact]
    public void Latency_counts_an_answer_exactly_at_the_threshold_as_good()
    {
        // 10, 20, … 1000 µs; threshold 500 µs: 50 of 100 at or under it.
        var slo = new SloPlan("p50", SloKind.Latency, 50, TimeSpan.FromMicroseconds(500));

        var result = SloEvaluator.Evaluate(slo, Run(Samples.Operation("get", 100, 0, Samples.Steps(10, 10, 100))));

        Assert.Equal((50L, 100L), (result.Good, result.Total));
        Assert.Equal(50, result.Sli);
        Assert.Equal(0.5, result.ThresholdMs);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Latency_reads_answers_of_failed_operations_but_not_timeouts()
    {
        // 100 operations, 4 failed: 2 answered 500 (in the histogram, at 3 ms), 2 timed out (no latency).
        // 96 answers at 200 µs and 2 at 3 ms: latency SLI 96 / 98 under a 1 ms threshold.
        var latency = LatencyHistogram.Create();
        latency.RecordMicroseconds(200, 96);
        latency.RecordMicroseconds(3_000, 2);
        var slo = new SloPlan("fast", SloKind.Latency, 90, TimeSpan.FromMilliseconds(1));

        var result = SloEvaluator.Evaluate(slo, Run(Samples.Operation("get", 100, 4, latency)));

        Assert.Equal((96L, 98L), (result.Good, result.Total));
        Assert.Equal(96.0 / 98 * 100, result.Sli!.Value, 10);
    }

    [Fact]
    public void Latency_merges_every_operation_unless_one_is_named()
    {
        var fast = Samples.Histogram(Enumerable.Repeat(100L, 30));
        var slow = Samples.Histogram(Enumerable.Repeat(5_000L, 10));
        var measurement = Run(Samples.Operation("fast", 30, 0, fast), Samples.Operation("slow", 10, 0, slow));
        var slo = new SloPlan("fast", SloKind.Latency, 99, TimeSpan.FromMilliseconds(1));

        Assert.Equal((30L, 40L), SloEvaluator.Events(slo, measurement));
        Assert.Equal((0L, 10L), SloEvaluator.Events(slo with { Operation = "slow" }, measurement));
    }

    [Fact]
    public void Across_trials_the_variant_reads_the_median_sli_and_passes_only_if_every_trial_passed()
    {
        // Trials at 99.95%, 99.8% and 99.9% against 99.9: median 99.9, nothing left, burn rate 1; one trial failed.
        var trials = new[] { Trial(2000, 1), Trial(1000, 2), Trial(1000, 1) };

        var outcome = SloEvaluator.Combine(Availability, trials);

        Assert.Equal(new SloOutcome("availability", SloKind.Availability, 99.9, null, null, 99.9, 1, 0, 1, false, 3, 1), outcome);
    }

    [Fact]
    public void Across_an_even_number_of_trials_the_median_is_the_mean_of_the_middle_two()
    {
        // SLIs 100, 99.96, 99.94, 99.9: median (99.96 + 99.94) / 2 = 99.95; error ratio 0.0005 = half of b.
        var trials = new[] { Trial(1000, 0), Trial(5000, 2), Trial(5000, 3), Trial(1000, 1) };

        var outcome = SloEvaluator.Combine(Availability, trials);

        Assert.Equal(99.95, outcome.Sli);
        Assert.Equal(0.5, outcome.BudgetConsumed);
        Assert.Equal(0.5, outcome.BudgetRemaining);
        Assert.Equal(0.5, outcome.BurnRate);
        Assert.True(outcome.Passed);
        Assert.Equal(0, outcome.TrialsFailed);
    }

    [Fact]
    public void The_median_figures_equal_the_medians_of_each_trials_figures()
    {
        var trials = new[] { Trial(1000, 0), Trial(3000, 7), Trial(800, 1), Trial(9000, 4), Trial(1234, 5) };

        var outcome = SloEvaluator.Combine(Availability, trials);

        Assert.Equal(Median.Of(trials.Select(t => t.Sli!.Value)), outcome.Sli!.Value, 10);
        Assert.Equal(Median.Of(trials.Select(t => t.BudgetRemaining!.Value)), outcome.BudgetRemaining!.Value, 10);
        Assert.Equal(Median.Of(trials.Select(t => t.BurnRate!.Value)), outcome.BurnRate!.Value, 10);
    }

    [Fact]
    public void A_trial_that_measured_nothing_fails_the_variant_and_is_left_out_of_the_median()
    {
        var outcome = SloEvaluator.Combine(Availability, [Trial(1000, 0), SloEvaluator.FromEvents(Availability, 0, 0)]);

        Assert.Equal(100, outcome.Sli);
        Assert.False(outcome.Passed);
        Assert.Equal((2, 1), (outcome.Trials, outcome.TrialsFailed));
    }

    [Fact]
    public void No_trials_or_no_measured_trial_is_a_failure_without_an_sli()
    {
        var none = SloEvaluator.Combine(Availability, []);
        var empty = SloEvaluator.Combine(Availability, [SloEvaluator.FromEvents(Availability, 0, 0)]);

        Assert.False(none.Passed);
        Assert.Null(none.Sli);
        Assert.Equal(0, none.Trials);
        Assert.False(empty.Passed);
        Assert.Null(empty.BurnRate);
        Assert.Equal(1, empty.TrialsFailed);
    }

    [Fact]
    public void An_slo_with_problems_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => SloEvaluator.FromEvents(new SloPlan("x", SloKind.Latency, 99), 1, 1));

        Assert.Contains("needs a threshold", ex.Message, StringComparison.Ordinal);
    }

    private static SloResult Trial(long total, long failed) => SloEvaluator.FromEvents(Availability, total - failed, total);
}

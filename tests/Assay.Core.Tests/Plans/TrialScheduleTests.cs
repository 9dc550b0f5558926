using Assay.Core.Plans;

namespace Assay.Core.Tests.Plans;

public class TrialScheduleTests
{
    private static readonly HttpWorkloadPlan Workload = new(
        new TargetPlan(null, null, new Uri("http://127.0.0.1:9")), [], new ClosedModel(1, TimeSpan.Zero, TimeSpan.Zero), TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    private static readonly VariantPlan A = new("A", [], Workload, [], new Dictionary<string, string>());
    private static readonly VariantPlan B = new("B", [], Workload, [], new Dictionary<string, string>());
    private static readonly VariantPlan C = new("C", [], Workload, [], new Dictionary<string, string>());

    private static string Order(IReadOnlyList<VariantPlan> variants, int trials) =>
        string.Join(" ", TrialSchedule.Interleaved(variants, trials).Select(s => $"{s.Trial}{s.Variant.Name}"));

    [Theory]
    [InlineData(1, "1A 1B")]
    [InlineData(2, "1A 1B 2B 2A")]
    [InlineData(3, "1A 1B 2B 2A 3A 3B")]
    [InlineData(4, "1A 1B 2B 2A 3A 3B 4B 4A")]
    public void Two_variants_alternate_A_B_then_B_A(int trials, string expected) =>
        Assert.Equal(expected, Order([A, B], trials));

    [Fact]
    public void Three_variants_run_forwards_then_backwards() =>
        Assert.Equal("1A 1B 1C 2C 2B 2A 3A 3B 3C", Order([A, B, C], 3));

    [Fact]
    public void A_single_variant_runs_once_per_trial() =>
        Assert.Equal("1A 2A 3A", Order([A], 3));

    [Fact]
    public void Each_slot_keeps_the_variants_index_in_the_plan()
    {
        var second = TrialSchedule.Interleaved([A, B, C], 2).Where(s => s.Trial == 2).ToList();
        Assert.Equal([new ScheduledTrial(2, C, 2), new ScheduledTrial(2, B, 1), new ScheduledTrial(2, A, 0)], second);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Fewer_than_one_trial_is_refused(int trials) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TrialSchedule.Interleaved([A, B], trials));
}

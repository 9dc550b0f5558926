namespace Assay.Core.Plans;

/// <summary>One slot of the schedule: which trial of which variant runs next.</summary>
public sealed record ScheduledTrial(int Trial, VariantPlan Variant, int VariantIndex)
{
    /// <summary>The folder of the slot under the run's folder; null for <c>trial-N</c>. Capacity steps name their own.</summary>
    public string? Folder { get; init; }

    /// <summary>The folder the slot's files go in (one subfolder per variant): <see cref="Folder"/> or <c>trial-N</c>.</summary>
    public string FolderName => Folder ?? $"trial-{Trial}";
}

/// <summary>
/// The order trials run in. Variants alternate direction every trial (A B, B A, A B …) so slow drift
/// on a noisy machine does not systematically favour the variant that runs first.
/// </summary>
public static class TrialSchedule
{
    public static IReadOnlyList<ScheduledTrial> Interleaved(IReadOnlyList<VariantPlan> variants, int trials)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        var schedule = new List<ScheduledTrial>(variants.Count * trials);
        for (var trial = 1; trial <= trials; trial++)
        {
            var order = Enumerable.Range(0, variants.Count);
            if (trial % 2 == 0) order = order.Reverse();
            schedule.AddRange(order.Select(i => new ScheduledTrial(trial, variants[i], i)));
        }
        return schedule;
    }
}

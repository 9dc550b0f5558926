using Assay.Cli.Commands;
using Assay.Core.Slo;

namespace Assay.Cli.Tests;

/// <summary>Which SLO the rules are for, with and without SLOs declared in the experiment (the future <c>slos:</c> section).</summary>
public sealed class SloRulesSelectionTests
{
    private static readonly SloPlan DeclaredAvailability = new("availability", SloKind.Availability, 99.9);

    private static readonly SloPlan DeclaredLatency = new("latency", SloKind.Latency, 99, TimeSpan.FromMilliseconds(50));

    private static readonly SloPlan[] Both = [DeclaredAvailability, DeclaredLatency];

    [Fact]
    public void Without_declared_slos_the_options_define_one_named_by_its_kind_or_by_slo()
    {
        Assert.Equal(DeclaredAvailability, Choose([], new() { Objective = "99.9" }));
        Assert.Equal(DeclaredLatency, Choose([], new() { Objective = "99", Threshold = "50ms" }));
        Assert.Equal(DeclaredLatency with { Name = "fast" }, Choose([], new() { Slo = "fast", Objective = "99%", Threshold = "50ms", Kind = "Latency" }));
    }

    [Fact]
    public void The_only_declared_slo_is_chosen_without_naming_it()
    {
        Assert.Equal(DeclaredLatency, Choose([DeclaredLatency], new()));
    }

    [Fact]
    public void Slo_picks_a_declared_one_and_the_options_override_its_fields()
    {
        Assert.Equal(DeclaredLatency, Choose(Both, new() { Slo = "latency" }));
        Assert.Equal(DeclaredLatency with { Objective = 99.5, Threshold = TimeSpan.FromMilliseconds(100) }, Choose(Both, new() { Slo = "latency", Objective = "99.5", Threshold = "100ms" }));
        Assert.Equal(DeclaredAvailability with { Name = "latency", Objective = 99 }, Choose(Both, new() { Slo = "latency", Kind = "availability" }));
    }

    [Fact]
    public void Several_declared_slos_need_one_picked_and_a_typo_gets_a_suggestion()
    {
        Assert.Contains("declares 2 SLOs (availability, latency); pick one with --slo NAME", Problem(Both, new()), StringComparison.Ordinal);
        Assert.Contains("no SLO named 'latncy'; did you mean 'latency'?", Problem(Both, new() { Slo = "latncy" }), StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_that_breaks_the_slo_is_reported()
    {
        Assert.Contains("needs a threshold", Problem([DeclaredAvailability], new() { Kind = "latency" }), StringComparison.Ordinal);
        Assert.Contains("out of range", Problem([DeclaredAvailability], new() { Objective = "100" }), StringComparison.Ordinal);
    }

    private static SloPlan? Choose(IReadOnlyList<SloPlan> declared, SloRulesSettings settings)
    {
        var chosen = SloRulesSelection.Choose(declared, settings, out var problems);
        Assert.Empty(problems);
        return chosen;
    }

    private static string Problem(IReadOnlyList<SloPlan> declared, SloRulesSettings settings)
    {
        Assert.Null(SloRulesSelection.Choose(declared, settings, out var problems));
        return Assert.Single(problems);
    }
}

using Assay.Core.Slo;
using static Assay.Specs.Tests.Fixtures;

namespace Assay.Specs.Tests.Evidence;

/// <summary><c>spec.slos</c>: kinds written or inferred, each SLO's own problems at their fields, names and operations checked.</summary>
public class SloSpecTests
{
    private const string Slos = """
            - {name: availability, objective: 99.9}
            - {name: latency, objective: 99, threshold: 50ms, operation: index}
        """;

    private static string WithSlos(string slos) => EvidenceFixture.With(Slos, slos.TrimEnd('\n'));

    [Fact]
    public void Slos_resolve_with_their_kind_inferred_from_the_threshold()
    {
        var slos = Plan(EvidenceFixture.Yaml).Slos;
        Assert.Equal(2, slos.Count);
        Assert.Equal(("availability", SloKind.Availability, 99.9, (TimeSpan?)null, (string?)null), (slos[0].Name, slos[0].Kind, slos[0].Objective, slos[0].Threshold, slos[0].Operation));
        Assert.Equal(("latency", SloKind.Latency, 99.0, (TimeSpan?)TimeSpan.FromMilliseconds(50), (string?)"index"), (slos[1].Name, slos[1].Kind, slos[1].Objective, slos[1].Threshold, slos[1].Operation));
        Assert.Equal((Fixtures.File, 32, 7), (slos[0].Location!.File, slos[0].Location!.Line, slos[0].Location!.Column));
        Assert.All(slos, s => Assert.Empty(s.Problems()));
    }

    [Fact]
    public void An_explicit_kind_and_a_percent_sign_are_accepted()
    {
        var slos = Plan(WithSlos("""
                - {name: up, kind: availability, objective: 99.5%}
                - {name: latency, kind: latency, objective: 95, threshold: 1s}
            """)).Slos;
        Assert.Equal((SloKind.Availability, 99.5), (slos[0].Kind, slos[0].Objective));
        Assert.Equal((SloKind.Latency, TimeSpan.FromSeconds(1)), (slos[1].Kind, slos[1].Threshold));
    }

    [Fact]
    public void Without_slos_the_plan_has_none()
    {
        Assert.Empty(Plan(Minimal).Slos);
    }

    [Fact]
    public void An_objective_out_of_range_is_the_slo_s_own_problem_at_the_objective()
    {
        var error = Error(Load(WithSlos("    - {name: up, objective: 100}\n")), "spec.slos[0].objective", "objective 100 is out of range");
        Assert.StartsWith("write a percentage above 0 and below 100", error.Hint, StringComparison.Ordinal);
        At(error, 32, 29);
    }

    [Fact]
    public void A_latency_slo_without_a_threshold_is_reported_at_the_slo()
    {
        var error = Error(Load(WithSlos("    - {name: fast, kind: latency, objective: 99}\n")), "spec.slos[0].threshold", "a latency SLO needs a threshold");
        Assert.Equal("e.g. threshold: 50ms", error.Hint);
        At(error, 32, 7);
    }

    [Theory]
    [InlineData("    - {name: up, kind: availability, objective: 99, threshold: 5ms}\n", "spec.slos[0].threshold", "only latency SLOs take a threshold", "remove it, or make the SLO a latency SLO")]
    [InlineData("    - {name: fast, objective: 99, threshold: 0s}\n", "spec.slos[0].threshold", "the threshold must be a positive duration, e.g. 50ms", "e.g. threshold: 50ms")]
    [InlineData("    - {name: fast, objective: 99, threshold: 50}\n", "spec.slos[0].threshold", "'50' is not a duration", "a number alone has no unit; write a number with a unit: us, ms, s, m or h, e.g. 500ms, 30s, 1m30s")]
    [InlineData("    - {name: fast, kind: latncy, objective: 99, threshold: 5ms}\n", "spec.slos[0].kind", "'latncy' is not one of availability, latency", "did you mean 'latency'?")]
    [InlineData("    - {name: Fast, objective: 99}\n", "spec.slos[0].name", "'Fast' is not a valid name", null)]
    [InlineData("    - {name: fast, objective: high}\n", "spec.slos[0].objective", "expected a percentage, got 'high'", "e.g. objective: 99.9")]
    [InlineData("    - {name: fast}\n", "spec.slos[0].objective", "required field is missing", "e.g. objective: 99.9")]
    [InlineData("    - {objective: 99}\n", "spec.slos[0].name", "required field is missing", "e.g. name: availability")]
    [InlineData("    - {name: fast, objective: 99, owner: me}\n", "spec.slos[0].owner", "unknown field 'owner'", null)]
    public void Each_mistake_is_reported_at_its_field_with_a_hint(string slos, string path, string message, string? hint)
    {
        var error = Error(Load(WithSlos(slos)), path, message);
        if (hint is null) Assert.False(string.IsNullOrEmpty(error.Hint));
        else Assert.Equal(hint, error.Hint);
        Assert.Equal(32, error.Location!.Line);
    }

    [Fact]
    public void Slo_names_are_unique()
    {
        var error = Error(Load(WithSlos("    - {name: up, objective: 99}\n    - {name: up, objective: 99.9}\n")), "spec.slos[1].name", "SLO name 'up' is used twice");
        Assert.Equal("the first is at line 32; give each SLO its own name", error.Hint);
        At(error, 33, 14);
    }

    [Fact]
    public void An_operation_must_be_a_request_of_every_variant_s_mix()
    {
        var error = Error(Load(EvidenceFixture.With("operation: index", "operation: indx")), "spec.slos[1].operation",
            "no operation named 'indx' in the workloads of variants 'slow', 'fast'");
        Assert.Equal("did you mean 'index'?", error.Hint);
        At(error, 33, 66);
    }

    [Fact]
    public void A_driver_s_operations_count_as_operations()
    {
        var yaml = Minimal + "\n  slos:\n    - {name: fast, objective: 99, threshold: 20ms, operation: get-index}";
        Assert.Equal("get-index", Assert.Single(Plan(yaml).Slos).Operation);
        var wrong = Load(Replace(yaml, "operation: get-index", "operation: post-echo"));
        var error = Error(wrong, "spec.slos[0].operation", "no operation named 'post-echo' in the workload");
        Assert.Equal("its operations are: get-index", error.Hint);
    }

    [Fact]
    public void Every_slo_mistake_of_a_file_is_reported_at_once()
    {
        var outcome = Load(WithSlos("""
                - {name: up, objective: 100}
                - {name: up, kind: latency, objective: 99}
                - {name: fast, objective: 99, threshold: 5ms, operation: nope}
            """));
        Assert.Null(outcome.Value);
        // The capacity search's SLO is gone too: that error is the capacity tests' business.
        var paths = outcome.Errors.Select(d => d.FieldPath).Where(p => p.StartsWith("spec.slos", StringComparison.Ordinal)).ToList();
        Assert.Equal(["spec.slos[0].objective", "spec.slos[1].threshold", "spec.slos[1].name", "spec.slos[2].operation"], paths);
        Assert.All(outcome.Errors, d => Assert.False(string.IsNullOrEmpty(d.Hint), $"no hint for: {d}"));
    }
}

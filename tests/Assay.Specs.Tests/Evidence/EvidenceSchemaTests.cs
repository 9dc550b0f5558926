namespace Assay.Specs.Tests.Evidence;

/// <summary>The evidence fields as the JSON Schema sees them: what the parser accepts it accepts, and it rejects the same mistakes.</summary>
public class EvidenceSchemaTests
{
    public static TheoryData<string, string, string> InvalidEvidence() => new()
    {
        { "an unknown market", "market: on-demand", "market: reserved" },
        { "an unknown cost field", "allocation: usage", "alocation: usage" },
        { "a projection without a rate", "projection: {rate: 10000/s}", "projection: {}" },
        { "a margin of 1 or more", "margin: 10%", "margin: 1.5" },
        { "an objective of 100", "objective: 99.9}", "objective: 100}" },
        { "an unknown SLO kind", "{name: availability, objective: 99.9}", "{name: availability, kind: uptime, objective: 99.9}" },
        { "an SLO without a name", "{name: availability, objective: 99.9}", "{objective: 99.9}" },
        { "a capacity search without an SLO", "{slo: latency, start", "{start" },
        { "a metric that is no KPI", "metric: error_ratio", "metric: p95_latency_ms" },
        { "a criterion's variant that is no name", "variant: fast", "variant: Fast" },
    };

    [Fact]
    public void The_evidence_fixture_is_accepted_by_both()
    {
        Assert.Empty(SchemaCheck.Errors(SchemaCheck.Experiment, EvidenceFixture.Yaml));
        Assert.False(Fixtures.Validate(EvidenceFixture.Yaml).HasErrors, Fixtures.Lines(Fixtures.Validate(EvidenceFixture.Yaml).Diagnostics));
    }

    [Fact]
    public void Every_node_type_of_the_price_book_is_a_valid_node_for_the_schema()
    {
        foreach (var key in RepoFiles.PriceBook.Keys)
            Assert.Empty(SchemaCheck.Errors(SchemaCheck.Experiment, EvidenceFixture.With("node: gcp/e2-standard-4", $"node: {key}")));
    }

    [Theory]
    [MemberData(nameof(InvalidEvidence))]
    public void A_mistake_is_rejected_by_schema_and_parser(string mistake, string piece, string replacement)
    {
        var yaml = EvidenceFixture.With(piece, replacement);
        Assert.True(SchemaCheck.Errors(SchemaCheck.Experiment, yaml).Count > 0, $"the schema accepts {mistake}");
        Assert.True(Fixtures.Validate(yaml).HasErrors, $"the parser accepts {mistake}");
    }
}

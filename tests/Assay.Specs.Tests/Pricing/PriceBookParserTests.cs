using Assay.Core.Cost;
using Assay.Specs.Pricing;

namespace Assay.Specs.Tests.Pricing;

public sealed class PriceBookParserTests : IDisposable
{
    private const string File = "pricing/acme.yaml";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assay-pricing-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static SpecOutcome<PriceBook> Load(string yaml) => PriceBookLoader.LoadFile(File, yaml);

    private static string Replace(string piece, string replacement) => Fixtures.Replace(PricingFiles.Valid, piece, replacement);

    [Fact]
    public void A_valid_book_loads_with_every_field()
    {
        var outcome = Load(PricingFiles.Valid);
        Assert.Empty(outcome.Diagnostics);
        Assert.Empty(SchemaCheck.Errors(PricingFiles.Schema, PricingFiles.Valid));
        var small = outcome.Value!.Find("acme/s-2")!;
        Assert.Equal(("acme", "s-2", "north-1", 2.0, 8.0, 0.064), (small.Provider, small.Type, small.Region, small.Vcpus, small.MemoryGiB, small.OnDemandPerHour));
        Assert.Equal(new PriceSource(PriceBasis.Published, "acme price list", "2026-01-15"), small.Price);
        Assert.Equal(new PublishedSplit("small", new ResourceRates(0.02, 0.003), new PriceSource(PriceBasis.Published, "acme price list", "2026-01")), small.Split);
        Assert.Equal(new SpotRatio(0.3, new PriceSource(PriceBasis.Assumption, "a guess", "2026", "spot prices move")), small.Spot);
        Assert.Equal(File, small.SourceFile);
        var medium = outcome.Value.Find("acme/m-4")!;
        Assert.Null(medium.Split);
        Assert.Equal(new PriceSource(PriceBasis.Assumption, "2 × m-2", "2025..2026", "check the price list"), medium.Price);
    }

    public static TheoryData<string, string, string, string, string> Mistakes() => new()
    {
        { "an unknown field", "      vcpus: 2\n", "      vcpu: 2\n", "spec.nodes[0].vcpu", "unknown field 'vcpu'" },
        { "a price that disagrees with its split", "onDemandPerHour: 0.064", "onDemandPerHour: 0.065", "spec.nodes[0].onDemandPerHour",
            "onDemandPerHour 0.065 disagrees with the small split: 2 × 0.02 + 8 × 0.003 = 0.064" },
        { "an assumption without a note", "\n      note: check the price list", "", "spec.nodes[1].note", "a price with basis assumption needs a note saying how it was made" },
        { "a price without a source", "      source: 2 × m-2\n", "", "spec.nodes[1].source", "required field is missing" },
        { "a date that is not one", "date: 2025..2026", "date: last year", "spec.nodes[1].date", "'last year' is not a date" },
        { "an unknown basis", "basis: published\n      source: acme price list\n      date: 2026-01-15", "basis: official\n      source: acme price list\n      date: 2026-01-15",
            "spec.nodes[0].basis", "'official' is not one of published, derived, assumption" },
        { "a node without a price", "      onDemandPerHour: 0.2\n", "", "spec.nodes[1].onDemandPerHour", "required field is missing" },
        { "a spot ratio above one", "ratio: 0.3", "ratio: 1.5", "spec.spot.ratio", "must be greater than 0 and at most 1, got 1.5" },
        { "the reserved provider name", "provider: acme", "provider: custom", "spec.provider", "'custom' is reserved for prices given in the experiment" },
        { "no nodes", "  nodes:\n    - type: s-2", "  nodes: []\n  old:\n    - type: s-2", "spec.nodes", "needs at least one node type" },
        { "a zero-vCPU node", "vcpus: 4", "vcpus: 0", "spec.nodes[1].vcpus", "must be greater than 0" },
        { "a wrong kind", "kind: PriceBook", "kind: Prices", "kind", "kind 'Prices' is not a price book" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_is_reported_by_the_loader_and_rejected_by_the_schema(string mistake, string piece, string replacement, string path, string message)
    {
        var yaml = Replace(piece, replacement);
        var outcome = Load(yaml);
        Assert.Null(outcome.Value);
        Assert.True(outcome.Diagnostics.Any(d => d.FieldPath == path && d.Message.Contains(message, StringComparison.Ordinal)),
            $"{mistake}:{Environment.NewLine}{Fixtures.Lines(outcome.Diagnostics)}");
        // The schema cannot add up a split; everything else it rejects too.
        if (mistake != "a price that disagrees with its split")
            Assert.True(SchemaCheck.Errors(PricingFiles.Schema, yaml).Count > 0, $"the schema accepts {mistake}");
    }

    [Fact]
    public void Problems_are_reported_at_their_position_with_a_fix()
    {
        var yaml = Replace("split: small", "split: smal");
        var error = Assert.Single(Load(yaml).Diagnostics);
        Assert.Equal("pricing/acme.yaml:26:14: error: spec.nodes[0].split: split 'smal' is not in spec.splits (did you mean 'small'?)", error.ToString());
    }

    [Fact]
    public void A_node_listed_twice_is_an_error()
    {
        var outcome = Load(Replace("type: m-4", "type: s-2"));
        Assert.Contains(outcome.Diagnostics, d => d.Message == "node type 's-2' is listed twice" && d.Location!.Line == 30);
    }

    [Fact]
    public void A_home_lab_machine_is_priced_from_its_inputs_and_not_both_ways()
    {
        var homeLab = "homeLab: {capex: 180, lifeYears: 3, averageWatts: 12, pricePerKWh: 0.17}";
        var lab = Load(Replace("onDemandPerHour: 0.2", homeLab));
        Assert.True(lab.Value is not null, Fixtures.Lines(lab.Diagnostics));
        var node = lab.Value!.Find("acme/m-4")!;
        Assert.Equal(new HomeLabModel(180, 0, 3, 12, 0.17), node.HomeLab);
        Assert.Equal(0.00888932, node.OnDemandPerHour, 8);

        var both = Replace("onDemandPerHour: 0.2", "onDemandPerHour: 0.2\n      " + homeLab);
        Assert.Contains(Load(both).Diagnostics, d => d.Message == "set either 'onDemandPerHour' or 'homeLab', not both");
        Assert.NotEmpty(SchemaCheck.Errors(PricingFiles.Schema, both));

        var salvage = Load(Replace("onDemandPerHour: 0.2", "homeLab: {capex: 180, salvage: 200, lifeYears: 3, averageWatts: 12, pricePerKWh: 0.17}"));
        Assert.Contains(salvage.Diagnostics, d => d.FieldPath == "spec.nodes[1].homeLab.salvage" && d.Message == "salvage is more than the machine cost");
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var yaml = Replace("vcpus: 4", "vcpus: four").Replace("date: 2026-01-15", "date: soon", StringComparison.Ordinal).Replace("ratio: 0.3", "ratio: 0", StringComparison.Ordinal);
        var errors = Load(yaml).Diagnostics.Where(d => d.IsError).Select(d => d.FieldPath).ToList();
        Assert.Equal(["spec.spot.ratio", "spec.nodes[0].date", "spec.nodes[1].vcpus"], errors);
    }

    [Fact]
    public void Loading_folders_reports_a_node_priced_in_two_files_and_missing_folders()
    {
        var a = Directory.CreateDirectory(Path.Combine(_folder, "a")).FullName;
        var b = Directory.CreateDirectory(Path.Combine(_folder, "b")).FullName;
        System.IO.File.WriteAllText(Path.Combine(a, "acme.yaml"), PricingFiles.Valid);
        System.IO.File.WriteAllText(Path.Combine(b, "acme-too.yml"), PricingFiles.Valid.Replace("type: m-4", "type: l-8", StringComparison.Ordinal));
        var missing = Path.Combine(_folder, "missing");

        var outcome = PriceBookLoader.Load([a, b, missing]);
        Assert.Null(outcome.Value);
        var duplicate = Assert.Single(outcome.Diagnostics, d => d.Location is not null);
        Assert.Equal($"node type 'acme/s-2' is already priced in {Path.Combine(a, "acme.yaml")}", duplicate.Message);
        Assert.Equal((Path.Combine(b, "acme-too.yml"), 22), (duplicate.Location!.File, duplicate.Location.Line));
        Assert.Contains(outcome.Diagnostics, d => d.Message == $"price book folder '{missing}' not found");

        var fine = PriceBookLoader.Load([a]);
        Assert.Equal(["acme/m-4", "acme/s-2"], fine.Value!.Nodes.Select(n => n.Key));
    }
}

using Assay.Core.Cost;
using Assay.Specs.Pricing;

namespace Assay.Specs.Tests.Pricing;

/// <summary>The price book the repository ships: every file passes its schema and the loader, and holds what docs/cost.md promises.</summary>
public class ShippedPriceBookTests
{
    private static readonly string[] NodeTypes =
    [
        "aws/t3.medium", "aws/t3.large", "aws/t3.xlarge", "aws/m5.large", "aws/m6i.large",
        "azure/Standard_D2s_v3", "azure/Standard_D4s_v3", "azure/Standard_D8s_v3",
        "gcp/e2-standard-2", "gcp/e2-standard-4", "gcp/e2-standard-8",
        "homelab/n100",
    ];

    private static readonly Lazy<PriceBook> LazyBook = new(() =>
    {
        var outcome = PriceBookLoader.Load([PricingFiles.Folder]);
        return outcome.Value ?? throw new InvalidOperationException(Fixtures.Lines(outcome.Diagnostics));
    });

    private static PriceBook Book => LazyBook.Value;

    public static TheoryData<string> Files() => [.. PricingFiles.Files().Select(Path.GetFileName).Select(f => f!)];

    [Fact]
    public void The_book_has_one_file_per_provider_and_a_readme()
    {
        Assert.Equal(["aws.yaml", "azure.yaml", "gcp.yaml", "homelab.yaml"], PricingFiles.Files().Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(PricingFiles.Folder, "README.md")));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_shipped_price_file_passes_its_schema_and_the_loader(string name)
    {
        var path = Path.Combine(PricingFiles.Folder, name);
        var text = File.ReadAllText(path);
        Assert.Empty(SchemaCheck.Errors(PricingFiles.Schema, text));
        var outcome = PriceBookLoader.LoadFile(path, text);
        Assert.True(outcome.Value is not null && outcome.Diagnostics.Count == 0, Fixtures.Lines(outcome.Diagnostics));
        Assert.All(outcome.Value!.Nodes, n => Assert.Equal(Path.GetFileNameWithoutExtension(name), n.Provider));
        // The modeline editors read, reaching the schema from the file's folder.
        const string prefix = "# yaml-language-server: $schema=";
        var firstLine = text.Split('\n')[0];
        Assert.StartsWith(prefix, firstLine, StringComparison.Ordinal);
        Assert.Equal(RepoFiles.PathOf("docs/schemas/pricing.schema.json"), Path.GetFullPath(Path.Combine(PricingFiles.Folder, firstLine[prefix.Length..].Trim())));
    }

    [Fact]
    public void Every_node_type_of_the_reference_is_priced_with_a_source_and_a_date()
    {
        Assert.Equal(NodeTypes.Order(StringComparer.Ordinal), Book.Nodes.Select(n => n.Key));
        Assert.All(Book.Nodes, n =>
        {
            Assert.False(string.IsNullOrWhiteSpace(n.Price.Source));
            Assert.Matches(@"^\d{4}", n.Price.Date);
            Assert.True(n.OnDemandPerHour > 0);
        });
    }

    [Theory]
    [InlineData("aws/t3.medium", 2, 4, 0.0416, PriceBasis.Published)]
    [InlineData("aws/m5.large", 2, 8, 0.096, PriceBasis.Published)]
    [InlineData("aws/m6i.large", 2, 8, 0.096, PriceBasis.Published)]
    [InlineData("azure/Standard_D2s_v3", 2, 8, 0.096, PriceBasis.Published)]
    [InlineData("azure/Standard_D4s_v3", 4, 16, 0.192, PriceBasis.Published)]
    [InlineData("gcp/e2-standard-2", 2, 8, 0.067006, PriceBasis.Published)]
    [InlineData("gcp/e2-standard-4", 4, 16, 0.134012, PriceBasis.Published)]
    [InlineData("gcp/e2-standard-8", 8, 32, 0.268024, PriceBasis.Derived)]
    [InlineData("aws/t3.large", 2, 8, 0.0832, PriceBasis.Assumption)]
    [InlineData("aws/t3.xlarge", 4, 16, 0.1664, PriceBasis.Assumption)]
    [InlineData("azure/Standard_D8s_v3", 8, 32, 0.384, PriceBasis.Assumption)]
    public void Cloud_prices_are_the_references_and_the_rest_say_how_they_were_made(string key, double vcpus, double memory, double price, PriceBasis basis)
    {
        var node = Book.Find(key)!;
        Assert.Equal((vcpus, memory, price, basis), (node.Vcpus, node.MemoryGiB, node.OnDemandPerHour, node.Price.Basis));
        if (basis != PriceBasis.Published) Assert.False(string.IsNullOrWhiteSpace(node.Price.Note));
    }

    [Fact]
    public void GCP_E2_nodes_use_the_published_split_and_agree_with_it()
    {
        foreach (var node in Book.Nodes.Where(n => n.Provider == "gcp"))
        {
            Assert.Equal(new ResourceRates(0.021811, 0.002923), node.Split!.Rates);
            Assert.Equal(node.OnDemandPerHour, node.Split.Rates.NodePerHour(node.Vcpus, node.MemoryGiB), 9);
        }
        var priced = NodePricing.Resolve(Book, new CostPlan("gcp/e2-standard-2")).Node!;
        Assert.Equal(0.067006, priced.Rates.NodePerHour(2, 8), 9);
        Assert.Contains("split published for e2", priced.Assumption, StringComparison.Ordinal);
    }

    [Fact]
    public void The_N100_is_priced_from_its_inputs()
    {
        var n100 = Book.Find("homelab/n100")!;
        Assert.Equal(new HomeLabModel(180, 0, 3, 12, 0.17), n100.HomeLab);
        Assert.Equal((4.0, 16.0), (n100.Vcpus, n100.MemoryGiB));
        Assert.Equal(0.00889, n100.OnDemandPerHour, 5);
        Assert.Null(n100.Spot);
        Assert.Equal("'homelab/n100' has no spot price", NodePricing.Resolve(Book, new CostPlan("homelab/n100", Market.Spot)).Error);
    }

    [Fact]
    public void Cloud_spot_ratios_are_labelled_assumptions()
    {
        Assert.All(Book.Nodes.Where(n => n.Provider != "homelab"), n =>
        {
            Assert.Equal(0.2105, n.Spot!.Ratio);
            Assert.Equal(PriceBasis.Assumption, n.Spot.Source.Basis);
        });
        var spot = NodePricing.Resolve(Book, new CostPlan("gcp/e2-standard-4", Market.Spot)).Node!;
        Assert.Equal(0.134012 * 0.2105, spot.PerHour!.Value, 12);
    }

    [Fact]
    public void The_assumption_text_names_the_node_the_price_its_source_and_the_split()
    {
        var node = NodePricing.Resolve(Book, new CostPlan("aws/t3.large")).Node!;
        Assert.Equal(
            "aws/t3.large (2 vCPU, 8 GiB, us-east-1) on-demand $0.0832/h (2 × t3.medium's $0.0416, 2025..2026; an assumption to verify: "
            + "t3 sizes have so far doubled in price with each size, but AWS documents no such rule: check aws.amazon.com/ec2/pricing/on-demand); "
            + "split as OpenCost does, r = 0.031611/0.004237 = 7.4607: $0.027081/vCPU-h, $0.00363/GiB-h",
            node.Assumption);
    }
}

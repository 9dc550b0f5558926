using Assay.Specs.Catalogs;
using Assay.Specs.Experiments;

namespace Assay.Specs.Tests;

/// <summary>The complete examples of the reference docs stay valid for the schema and the parser.</summary>
public class DocExampleTests
{
    [Fact]
    public void The_experiment_reference_example_is_valid()
    {
        var yaml = FirstYamlBlock("docs/experiment-file.md", "kind: Experiment");
        Assert.Empty(SchemaCheck.Errors(SchemaCheck.Experiment, yaml));
        var outcome = ExperimentLoader.LoadText("docs/experiment-file.md", yaml, ResolveOptions.None with { Prices = RepoFiles.PriceBook }, RepoFiles.Catalog);
        Assert.True(outcome.Value is not null, Fixtures.Lines(outcome.Diagnostics));
        Assert.Equal(3, outcome.Value!.Variants[0].Thresholds.Count);
    }

    [Fact]
    public void The_catalog_reference_example_is_valid()
    {
        var yaml = FirstYamlBlock("docs/catalog-file.md", "kind: CatalogEntry");
        Assert.Empty(SchemaCheck.Errors(SchemaCheck.CatalogEntry, yaml));
        var outcome = CatalogLoader.LoadEntry("docs/catalog-file.md", yaml);
        Assert.True(outcome.Value is not null, Fixtures.Lines(outcome.Diagnostics));
        Assert.Equal("nginx", outcome.Value!.Name);
    }

    private static string FirstYamlBlock(string doc, string containing)
    {
        var text = File.ReadAllText(RepoFiles.PathOf(doc));
        foreach (var block in text.Split("```yaml\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]))
        {
            if (block.Contains(containing, StringComparison.Ordinal)) return block;
        }
        throw new InvalidOperationException($"{doc} has no yaml block with '{containing}'");
    }
}

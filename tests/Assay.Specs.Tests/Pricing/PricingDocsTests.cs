using System.Text.Json;
using Assay.Specs.Pricing;

namespace Assay.Specs.Tests.Pricing;

/// <summary>The price book's schema and README stay usable: every field described, the README's example valid.</summary>
public class PricingDocsTests
{
    [Fact]
    public void Every_property_of_the_schema_has_a_description()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoFiles.PathOf("docs/schemas/pricing.schema.json")));
        var missing = new List<string>();
        FindUndescribed(document.RootElement, "#", missing);
        Assert.True(missing.Count == 0, $"properties without description: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_readme_example_passes_the_schema_and_the_loader()
    {
        var text = File.ReadAllText(Path.Combine(PricingFiles.Folder, "README.md"));
        var yaml = text.Split("```yaml\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)])
            .First(b => b.Contains("kind: PriceBook", StringComparison.Ordinal));
        Assert.Empty(SchemaCheck.Errors(PricingFiles.Schema, yaml));
        var outcome = PriceBookLoader.LoadFile("pricing/README.md", yaml);
        Assert.True(outcome.Value is not null && outcome.Diagnostics.Count == 0, Fixtures.Lines(outcome.Diagnostics));
        Assert.Equal(0.067006, outcome.Value!.Find("gcp/e2-standard-2")!.OnDemandPerHour);
    }

    private static void FindUndescribed(JsonElement element, string path, List<string> missing)
    {
        if (element.ValueKind != JsonValueKind.Object) return;
        foreach (var child in element.EnumerateObject())
        {
            if (child.Name == "properties" && child.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in child.Value.EnumerateObject())
                {
                    if (!property.Value.TryGetProperty("description", out _)) missing.Add($"{path}/properties/{property.Name}");
                }
            }
            FindUndescribed(child.Value, $"{path}/{child.Name}", missing);
        }
    }
}

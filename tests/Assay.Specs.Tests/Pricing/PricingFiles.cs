using Json.Schema;

namespace Assay.Specs.Tests.Pricing;

/// <summary>The shipped price book files and their JSON Schema.</summary>
internal static class PricingFiles
{
    private static readonly Lazy<JsonSchema> LazySchema = new(() =>
        // A registry of its own, so building the schema in parallel tests never clashes on its $id.
        JsonSchema.FromText(File.ReadAllText(RepoFiles.PathOf("docs/schemas/pricing.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public static JsonSchema Schema => LazySchema.Value;

    public static string Folder => RepoFiles.PathOf("pricing");

    public static IReadOnlyList<string> Files() =>
        [.. Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal)];

    /// <summary>A small valid book to vary: a published split, a node priced whole, a spot ratio. Line numbers matter to some tests.</summary>
    public const string Valid = """
        apiVersion: assay.dev/v1alpha1
        kind: PriceBook
        metadata:
          name: acme
        spec:
          provider: acme
          region: north-1
          spot:
            ratio: 0.3
            basis: assumption
            source: a guess
            date: "2026"
            note: spot prices move
          splits:
            small:
              cpuPerVcpuHour: 0.02
              memoryPerGiBHour: 0.003
              basis: published
              source: acme price list
              date: 2026-01
          nodes:
            - type: s-2
              vcpus: 2
              memoryGiB: 8
              onDemandPerHour: 0.064
              split: small
              basis: published
              source: acme price list
              date: 2026-01-15
            - type: m-4
              vcpus: 4
              memoryGiB: 16
              onDemandPerHour: 0.2
              basis: assumption
              source: 2 × m-2
              date: 2025..2026
              note: check the price list
        """;
}

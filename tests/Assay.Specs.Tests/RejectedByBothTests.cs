using Assay.Specs.Catalogs;

namespace Assay.Specs.Tests;

/// <summary>Files the JSON Schema and the parser must both reject, so that editors and the CLI agree.</summary>
public class RejectedByBothTests
{
    public static TheoryData<string, string, string> InvalidExperiments() => new()
    {
        { "an unknown field", "      connections: 4", "      conections: 4" },
        { "a number written as a word", "connections: 4", "connections: four" },
        { "zero connections", "connections: 4", "connections: 0" },
        { "a quoted number", "connections: 4", "connections: \"4\"" },
        { "a duration without unit", "duration: 10s", "duration: 10" },
        { "no workload", "  workload:\n    driver: http\n    target: web\n    model:\n      type: closed\n      connections: 4\n    duration: 10s\n    requests:\n      - path: /", "  trials: 1" },
        { "a path not starting with /", "- path: /", "- path: health" },
        { "an unknown driver", "driver: http", "driver: grpc" },
        { "a wrong kind", "kind: Experiment", "kind: CatalogEntry" },
        { "an invalid name", "name: test", "name: Test_1" },
        { "an open-model field in a closed model", "      connections: 4", "      connections: 4\n      rate: 5" },
        { "a status out of range", "- path: /", "- path: /\n        expect: 700" },
        { "both variants and components", "  workload:", "  variants: [{name: a, components: [{name: web, uses: demo-app}]}]\n  workload:" },
        { "an empty request list", "    requests:\n      - path: /", "    requests: []" },
    };

    public static TheoryData<string, string, string> InvalidCatalogEntries() => new()
    {
        { "an unknown field", "  ports: [http]", "  port: [http]" },
        { "both build and package", "    build: apps/demo-app", "    build: apps/demo-app\n    package: demo" },
        { "no readiness probe", "    http: {port: http, path: /health}\n", "" },
        { "a readiness path without /", "path: /health", "path: health" },
        { "an unknown signal", "signal: SIGTERM", "signal: SIGKILL" },
        { "a grace period without unit", "grace: 5s", "grace: 5" },
        { "no ports", "  ports: [http]", "  ports: []" },
    };

    [Theory]
    [MemberData(nameof(InvalidExperiments))]
    public void An_invalid_experiment_is_rejected_by_schema_and_parser(string mistake, string piece, string replacement)
    {
        var yaml = Fixtures.Replace(Fixtures.Minimal, piece, replacement);
        Assert.True(SchemaCheck.Errors(SchemaCheck.Experiment, yaml).Count > 0, $"the schema accepts {mistake}");
        Assert.True(Fixtures.Validate(yaml).HasErrors, $"the parser accepts {mistake}");
    }

    [Fact]
    public void The_minimal_experiment_is_accepted_by_both()
    {
        Assert.Empty(SchemaCheck.Errors(SchemaCheck.Experiment, Fixtures.Minimal));
        Assert.False(Fixtures.Validate(Fixtures.Minimal).HasErrors);
    }

    [Fact]
    public void A_parameter_placeholder_is_accepted_where_a_number_or_duration_belongs()
    {
        var yaml = Fixtures.Replace(Fixtures.Minimal, "  components:", "  parameters: {users: 3, time: 5s}\n  components:")
            .Replace("connections: 4", "connections: ${users}", StringComparison.Ordinal)
            .Replace("duration: 10s", "duration: ${time}", StringComparison.Ordinal);
        Assert.Empty(SchemaCheck.Errors(SchemaCheck.Experiment, yaml));
        Assert.False(Fixtures.Validate(yaml).HasErrors);
    }

    [Theory]
    [MemberData(nameof(InvalidCatalogEntries))]
    public void An_invalid_catalog_entry_is_rejected_by_schema_and_parser(string mistake, string piece, string replacement)
    {
        var valid = File.ReadAllText(RepoFiles.PathOf("catalog/demo-app.yaml"));
        var yaml = Fixtures.Replace(valid, piece, replacement);
        Assert.True(SchemaCheck.Errors(SchemaCheck.CatalogEntry, yaml).Count > 0, $"the schema accepts {mistake}");
        Assert.True(CatalogLoader.LoadEntry("catalog/demo-app.yaml", yaml).HasErrors, $"the parser accepts {mistake}");
    }

    [Fact]
    public void Every_property_of_both_schemas_has_a_description()
    {
        foreach (var file in new[] { "docs/schemas/experiment.schema.json", "docs/schemas/catalog-entry.schema.json" })
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepoFiles.PathOf(file)));
            var missing = new List<string>();
            FindUndescribed(document.RootElement, "#", missing);
            Assert.True(missing.Count == 0, $"{file}: properties without description: {string.Join(", ", missing)}");
        }
    }

    private static void FindUndescribed(System.Text.Json.JsonElement element, string path, List<string> missing)
    {
        if (element.ValueKind != System.Text.Json.JsonValueKind.Object) return;
        foreach (var child in element.EnumerateObject())
        {
            if (child.Name == "properties" && child.Value.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var property in child.Value.EnumerateObject())
                {
                    // "false" forbids a field in one branch of if/then/else; it describes nothing.
                    if (property.Value.ValueKind == System.Text.Json.JsonValueKind.False) continue;
                    if (!property.Value.TryGetProperty("description", out _)) missing.Add($"{path}/properties/{property.Name}");
                }
            }
            FindUndescribed(child.Value, $"{path}/{child.Name}", missing);
        }
    }
}

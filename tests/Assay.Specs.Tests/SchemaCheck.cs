using Json.Schema;

namespace Assay.Specs.Tests;

/// <summary>The JSON Schemas of docs/schemas, checked against YAML the way an editor checks it.</summary>
internal static class SchemaCheck
{
    private static readonly Lazy<JsonSchema> LazyExperiment = new(() => Load("docs/schemas/experiment.schema.json"));
    private static readonly Lazy<JsonSchema> LazyCatalogEntry = new(() => Load("docs/schemas/catalog-entry.schema.json"));

    public static JsonSchema Experiment => LazyExperiment.Value;

    public static JsonSchema CatalogEntry => LazyCatalogEntry.Value;

    /// <summary>The schema's errors for the YAML text: "instance location: message", empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string yaml)
    {
        var results = schema.Evaluate(YamlToJson.Convert(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }

    private static JsonSchema Load(string relative)
    {
        // A registry of its own, so building a schema twice (or in parallel tests) never clashes on its $id.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(File.ReadAllText(RepoFiles.PathOf(relative)), options);
    }
}

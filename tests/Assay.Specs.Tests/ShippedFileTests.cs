using Assay.Specs.Catalogs;
using Assay.Specs.Experiments;

namespace Assay.Specs.Tests;

/// <summary>Every experiment and catalog entry the repository ships passes its JSON Schema and the parser.</summary>
public class ShippedFileTests
{
    private static readonly HashSet<string> OwnExperiments =
        ["bench/http-loadgen/experiment.yaml", "experiments/hello-app/experiment.yaml", "experiments/http-baseline/experiment.yaml"];

    private static readonly HashSet<string> OwnCatalogFiles = ["catalog/demo-app.yaml", "catalog/hello-app.yaml", "catalog/metrics-app.yaml"];

    public static TheoryData<string> ExperimentFiles() => [.. RepoFiles.ExperimentFiles().Select(Relative)];

    public static TheoryData<string> CatalogFiles() => [.. RepoFiles.CatalogFiles().Select(Relative)];

    [Fact]
    public void The_search_finds_the_files_this_project_ships()
    {
        // Others may add files; these must always be among the ones checked.
        var experiments = RepoFiles.ExperimentFiles().Select(Relative).ToList();
        Assert.Subset(experiments.ToHashSet(), OwnExperiments);
        Assert.Subset(RepoFiles.CatalogFiles().Select(Relative).ToHashSet(), OwnCatalogFiles);
    }

    [Theory]
    [MemberData(nameof(ExperimentFiles))]
    public void A_shipped_experiment_passes_its_schema_and_the_parser(string file)
    {
        var text = File.ReadAllText(RepoFiles.PathOf(file));
        Assert.Empty(SchemaCheck.Errors(SchemaCheck.Experiment, text));
        var outcome = ExperimentLoader.Validate(RepoFiles.PathOf(file), RepoFiles.Catalog, RepoFiles.PriceBook);
        Assert.True(outcome.Value is not null && outcome.Diagnostics.Count == 0, Fixtures.Lines(outcome.Diagnostics));
        AssertModeline(text, file, "experiment.schema.json");
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(RepoFiles.PathOf(file))!, "README.md")) || file.StartsWith("bench/", StringComparison.Ordinal),
            $"{file} has no README.md beside it");
    }

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public void A_shipped_catalog_entry_passes_its_schema_and_the_parser(string file)
    {
        var text = File.ReadAllText(RepoFiles.PathOf(file));
        Assert.Empty(SchemaCheck.Errors(SchemaCheck.CatalogEntry, text));
        var outcome = CatalogLoader.LoadEntry(file, text);
        Assert.True(outcome.Value is not null && outcome.Diagnostics.Count == 0, Fixtures.Lines(outcome.Diagnostics));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), outcome.Value!.Name);
        AssertModeline(text, file, "catalog-entry.schema.json");
    }

    [Theory]
    [InlineData("experiments/hello-app", "hello-app", 5, 2)]
    [InlineData("experiments/http-baseline", "http-baseline", 10, 3)]
    public void Shipped_experiments_load_to_run_from_their_folder(string folder, string name, int connections, int requests)
    {
        var outcome = ExperimentLoader.Load(RepoFiles.PathOf(folder), ResolveOptions.None, RepoFiles.Catalog);
        Assert.True(outcome.Value is not null, Fixtures.Lines(outcome.Diagnostics));
        var plan = outcome.Value!;
        Assert.Equal(name, plan.Info.Name);
        Assert.Equal(RepoFiles.PathOf($"{folder}/experiment.yaml"), plan.Source.Path);
        Assert.Equal(File.ReadAllText(plan.Source.Path), plan.Source.Text);
        Assert.Equal(connections, Assert.IsType<Core.Plans.ClosedModel>(plan.Variants[0].Workload.Model).Connections);
        Assert.Equal(requests, Fixtures.Http(plan).Requests.Count);
        Assert.Equal(2, plan.Variants[0].Thresholds.Count);
    }

    /// <summary>The modeline editors read, with a path that really reaches the schema from the file's folder.</summary>
    private static void AssertModeline(string text, string file, string schema)
    {
        const string prefix = "# yaml-language-server: $schema=";
        var firstLine = text.Split('\n')[0];
        Assert.StartsWith(prefix, firstLine, StringComparison.Ordinal);
        var relative = firstLine[prefix.Length..].Trim();
        Assert.EndsWith("docs/schemas/" + schema, relative, StringComparison.Ordinal);
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepoFiles.PathOf(file))!, relative));
        Assert.Equal(RepoFiles.PathOf("docs/schemas/" + schema), target);
    }

    private static string Relative(string path) => Path.GetRelativePath(RepoFiles.Root, path).Replace('\\', '/');
}

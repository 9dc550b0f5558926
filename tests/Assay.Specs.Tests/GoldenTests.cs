using Assay.Core.Diagnostics;
using Assay.Specs.Catalogs;
using Assay.Specs.Experiments;

namespace Assay.Specs.Tests;

/// <summary>
/// Validation output as the CLI prints it (<see cref="Diagnostic.ToString"/>, one line each), compared
/// with golden/NAME.txt. Set ASSAY_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change.
/// </summary>
public class GoldenTests
{
    private const string Folder = "tests/Assay.Specs.Tests/golden";

    public static TheoryData<string> Cases() =>
        [.. Directory.EnumerateFiles(RepoFiles.PathOf(Folder), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostics_match_the_golden_file(string input)
    {
        var text = File.ReadAllText(RepoFiles.PathOf($"{Folder}/{input}"));
        // The file as a user would name it: a relative path, kept as given.
        var displayPath = $"golden/{input}";
        var diagnostics = input.EndsWith(".catalog.yaml", StringComparison.Ordinal)
            ? CatalogLoader.LoadEntry(displayPath, text).Diagnostics
            : ExperimentLoader.LoadText(displayPath, text, ResolveOptions.None, Fixtures.Catalog).Diagnostics;
        Assert.NotEmpty(diagnostics);
        var actual = string.Join("\n", diagnostics.Select(d => d.ToString())) + "\n";

        var goldenPath = RepoFiles.PathOf($"{Folder}/{input[..input.IndexOf('.', StringComparison.Ordinal)]}.txt");
        if (Environment.GetEnvironmentVariable("ASSAY_UPDATE_GOLDEN") == "1") File.WriteAllText(goldenPath, actual);
        Assert.True(File.Exists(goldenPath), $"{goldenPath} is missing; run the tests with ASSAY_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(goldenPath), actual);
    }
}

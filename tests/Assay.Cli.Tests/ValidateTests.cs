using Assay.Testing;

namespace Assay.Cli.Tests;

public sealed class ValidateTests
{
    [Fact]
    public async Task A_file_with_many_mistakes_gets_every_one_listed_with_position_field_and_fix()
    {
        var file = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(RepoPaths.Root, "tests", "Assay.Cli.Tests", "golden", "validate-bad.yaml"));

        var (code, output, _) = await CliHarness.RunAsync("validate", file);

        Assert.Equal(2, code);
        Golden.Match("validate-bad.txt", output.Replace(file, "validate-bad.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_shipped_experiment_validates()
    {
        var files = Directory.GetFiles(RepoPaths.Experiments, "experiment.yaml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(RepoPaths.Of("bench"), "experiment.yaml", SearchOption.AllDirectories))
            .ToArray();

        var (code, output, _) = await CliHarness.RunAsync(["validate", .. files]);

        Assert.True(code == 0, output);
        Assert.Equal(files.Length, output.Split('\n').Count(l => l.StartsWith('✓')));
    }
}

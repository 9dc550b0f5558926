using Assay.Testing;

namespace Assay.IntegrationTests;

public sealed class PlacementTests : IDisposable
{
    private readonly LabFolder _lab = new();

    [Fact(Timeout = 120_000)]
    public async Task Components_and_the_load_generator_run_on_the_disjoint_cpus_the_placement_names()
    {
        var experiment = Path.Combine(_lab.Path, "pinned.yaml");
        var text = await File.ReadAllTextAsync(RepoPaths.Of("experiments", "http-baseline", "experiment.yaml"));
        await File.WriteAllTextAsync(experiment, text.Replace("spec:\n", "spec:\n  placement: {loadGenerator: \"0\", components: \"1\"}\n", StringComparison.Ordinal));

        await using var cli = _lab.Start("run", experiment, "--duration", "4s");
        var processes = await _lab.WaitForProcessesAsync(_ => true, 3, TimeSpan.FromSeconds(60));
        await cli.WaitForOutputAsync("measuring", TimeSpan.FromSeconds(60));
        var allowed = processes.ToDictionary(p => p, p => CpusAllowed(p.Pid!.Value));
        var code = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(code == 0, cli.Output);
        Assert.All(allowed.Where(a => a.Key.Command == "demo-app"), a => Assert.Equal("1", a.Value));
        var generator = Assert.Single(allowed, a => a.Key.Command != "demo-app");
        Assert.Equal("0", generator.Value);
        var result = _lab.Result(Assert.Single(_lab.RunIds()));
        Assert.Equal("0", (string?)result["environment"]!["placement"]!["loadGenerator"]);
        Assert.Equal("1", (string?)result["environment"]!["placement"]!["components"]);
    }

    public void Dispose() => _lab.Dispose();

    private static string CpusAllowed(int pid) =>
        File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal)).Split('\t')[^1].Trim();
}

namespace Assay.Cli.Tests;

public sealed class CompareTests
{
    [Fact(Timeout = 60_000)]
    public async Task Compare_gives_each_shared_variants_change_with_its_interval_and_verdict()
    {
        using var lab = await HistoryStore.CreateAsync();

        var (code, output, _) = await lab.RunAsync("compare", "r4", "r5");

        Assert.Equal(0, code);
        Golden.Match("compare.txt", output);
        Assert.Contains("worse", output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Compare_of_an_unknown_run_says_how_to_find_one()
    {
        using var lab = await HistoryStore.CreateAsync();

        var (code, output, _) = await lab.RunAsync("compare", "r4", "nope");

        Assert.Equal(2, code);
        Assert.Contains("no run matches 'nope'", output, StringComparison.Ordinal);
    }
}

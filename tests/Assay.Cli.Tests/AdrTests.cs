using System.Text.RegularExpressions;

namespace Assay.Cli.Tests;

public sealed partial class AdrTests
{
    [Fact(Timeout = 60_000)]
    public async Task Adr_writes_the_next_numbered_draft_and_never_reuses_a_number()
    {
        using var lab = await HistoryStore.CreateAsync();
        Directory.CreateDirectory(lab.AdrDirectory);
        await File.WriteAllTextAsync(Path.Combine(lab.AdrDirectory, "0001-record-decisions.md"), "# 1. Record decisions\n");
        await File.WriteAllTextAsync(Path.Combine(lab.AdrDirectory, "0004-cost.md"), "# 4. Cost\n");

        var (first, output, _) = await lab.RunAsync("adr", "r5", "--dir", lab.AdrDirectory);
        var (second, _, _) = await lab.RunAsync("adr", "r5", "--dir", lab.AdrDirectory);

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        var path = Path.Combine(lab.AdrDirectory, "0005-http-baseline-nginx-or-caddy-in-front-of-the-demo-app.md");
        Assert.Contains("0005-http-baseline-nginx-or-caddy-in-front-of-the-demo-app.md", output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(lab.AdrDirectory, "0006-http-baseline-nginx-or-caddy-in-front-of-the-demo-app.md")));
        Assert.Equal("# 4. Cost\n", await File.ReadAllTextAsync(Path.Combine(lab.AdrDirectory, "0004-cost.md")));
        var draft = DateLine().Replace(await File.ReadAllTextAsync(path), "- Date: (date)");
        Golden.Match("adr-r5.md", draft);
        Assert.Contains("[Run report](../state/runs/r5/report.html)", draft, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Adr_of_a_run_that_does_not_exist_writes_nothing()
    {
        using var lab = await HistoryStore.CreateAsync();

        var (code, output, _) = await lab.RunAsync("adr", "nope", "--dir", lab.AdrDirectory);

        Assert.Equal(2, code);
        Assert.Contains("no run matches 'nope'", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(lab.AdrDirectory));
    }

    [GeneratedRegex(@"^- Date: \d{4}-\d{2}-\d{2}$", RegexOptions.Multiline)]
    private static partial Regex DateLine();
}

using Assay.Cli.Composition;
using Assay.Testing;

namespace Assay.Cli.Tests;

/// <summary><c>assay report</c> against a store holding the builder's run, as <c>assay run</c> would have left it.</summary>
public sealed class ReportTests : IDisposable
{
    private static readonly RunResultBuilder Builder = new() { WithEvidence = true };
    private readonly TempFolder _state = new("report");

    public void Dispose() => _state.Dispose();

    private async Task StoreRunAsync()
    {
        await using var lab = Lab.Open(_state.Path, TimeProvider.System);
        var (store, _) = await lab.OpenStoreAsync(CancellationToken.None);
        await store.BeginRunAsync(Builder.BuildRecord(), CancellationToken.None);
        await store.CompleteRunAsync(Builder.Build(), CancellationToken.None);
    }

    [Fact]
    public async Task Html_goes_to_standard_output_by_default()
    {
        await StoreRunAsync();

        var (code, _, stdout) = await CliHarness.RunAsync("report", "20261127-0426", "--state-dir", _state.Path);

        Assert.Equal(0, code);
        Assert.StartsWith("<!DOCTYPE html>", stdout, StringComparison.Ordinal);
        Assert.Contains("id=\"latency-spectrum\"", stdout, StringComparison.Ordinal);
        Assert.Contains("kind: Experiment", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_with_out_writes_the_charts_beside_the_file()
    {
        await StoreRunAsync();
        var path = _state.File("out", "baseline.md");

        var (code, output, _) = await CliHarness.RunAsync("report", "20261127", "--format", "md", "--out", path, "--state-dir", _state.Path);

        Assert.Equal(0, code);
        // The console wraps at 100 columns and the temporary path is long: words, not line breaks, are what is checked.
        Assert.Contains("and 8 chart(s) beside it", string.Join(' ', output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.StartsWith("# HTTP baseline", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        Assert.True(File.Exists(_state.File("out", "report-throughput.svg")));
        Assert.True(File.Exists(_state.File("out", "report-slo-budget.svg")));
    }

    [Fact]
    public async Task Json_is_the_result_document()
    {
        await StoreRunAsync();

        var (code, _, stdout) = await CliHarness.RunAsync("report", "20261127-042613-http-baseline-3f2a", "--format", "json", "--state-dir", _state.Path);

        Assert.Equal(0, code);
        Assert.Contains("\"runId\": \"20261127-042613-http-baseline-3f2a\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_run_exits_2_and_says_how_to_list_runs()
    {
        await StoreRunAsync();

        var (code, output, _) = await CliHarness.RunAsync("report", "1999", "--state-dir", _state.Path);

        Assert.Equal(2, code);
        Assert.Contains("no run matches '1999'; list runs with assay runs", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_without_a_result_document_exits_2_and_points_to_show()
    {
        await using (var lab = Lab.Open(_state.Path, TimeProvider.System))
        {
            var (store, _) = await lab.OpenStoreAsync(CancellationToken.None);
            await store.BeginRunAsync(Builder.BuildRecord(), CancellationToken.None);
        }

        var (code, output, _) = await CliHarness.RunAsync("report", "20261127", "--state-dir", _state.Path);

        Assert.Equal(2, code);
        Assert.Contains("has no result document", output, StringComparison.Ordinal);
        Assert.Contains("assay show 20261127-042613-http-baseline-3f2a", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_format_exits_2_with_the_formats_it_takes()
    {
        var (code, output, _) = await CliHarness.RunAsync("report", "20261127", "--format", "pdf", "--state-dir", _state.Path);

        Assert.Equal(2, code);
        Assert.Contains("--format must be html, md or json, not 'pdf'", output, StringComparison.Ordinal);
    }
}

using Assay.Dashboard.Pages;
using Assay.Engine.Storage;
using Assay.Testing;

namespace Assay.Dashboard.Tests;

public sealed class PageRenderingTests
{
    [Fact]
    public void Text_from_the_store_is_escaped_so_a_title_cannot_inject_markup()
    {
        var builder = new RunResultBuilder { Title = "<script>alert('x')</script> & co", Trials = 1, MeasuredSeconds = 2 };
        var result = builder.Build();
        var record = builder.BuildRecord();
        var listing = new RunListing(result.RunId, result.Experiment, result.Title, result.Status, result.StartedAt, result.EndedAt, null, []);
        var run = new StoredRun(listing, record.Directory, record.ExperimentFile, record.ExperimentText, [], result);

        var html = RunPage.Render(new RunPageModel(run, null, null), new PageLinks(2, StaticFiles: false));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_store_says_how_to_get_a_first_run()
    {
        var html = ExperimentsPage.Render(new ExperimentsPageModel([]), new PageLinks(0, StaticFiles: true));

        Assert.Contains("assay run experiments/hello-app", html, StringComparison.Ordinal);
        Assert.Contains("href=\"runs/index.html\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comparison_without_two_runs_explains_what_to_give()
    {
        var html = ComparePage.Render(new ComparePageModel(null, null, null, null, "Give two run ids (or unique prefixes), as a and b."), new PageLinks(1, StaticFiles: false));

        Assert.Contains("Give two run ids", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"../compare/\">", html, StringComparison.Ordinal);
    }
}

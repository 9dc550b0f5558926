using Assay.Dashboard.Pages;

namespace Assay.Dashboard.Tests;

public sealed class PageLinksTests
{
    [Fact]
    public void Served_pages_link_to_folders_and_static_pages_to_their_index_files()
    {
        var served = new PageLinks(2, StaticFiles: false);
        var files = new PageLinks(2, StaticFiles: true);

        Assert.Equal("../../runs/r1/", served.Run("r1"));
        Assert.Equal("../../runs/r1/index.html", files.Run("r1"));
        Assert.Equal("../../runs/r1/report.html", files.Report("r1"));
        Assert.Equal("../../index.html", files.Home());
        Assert.Equal("./", new PageLinks(0, StaticFiles: false).Home());
        Assert.Equal("../../compare/?a=r1&b=r2", served.Compare("r1", "r2"));
        Assert.Equal("../../compare/r1/r2/index.html", files.Compare("r1", "r2"));
        Assert.Equal("../../runs/?experiment=http-baseline", served.RunsOf("http-baseline"));
        Assert.Equal("../../experiments/http-baseline/index.html", files.RunsOf("http-baseline"));
    }
}

using Assay.Reporting.Adr;

namespace Assay.Reporting.Tests.Adr;

public sealed class AdrNumberingTests
{
    [Fact]
    public void An_empty_folder_starts_at_one()
    {
        Assert.Equal(1, AdrNumbering.Next([]));
    }

    [Fact]
    public void Numbering_continues_after_the_highest_numbered_markdown_file_and_ignores_the_rest()
    {
        string[] files = ["docs/adrs/0001-record.md", "docs/adrs/0008-cost.md", "docs/adrs/0003-x.md", "README.md", "0012-draft.txt", "12-short.md", "template.md"];

        Assert.Equal(9, AdrNumbering.Next(files));
    }

    [Fact]
    public void The_file_name_is_four_digits_and_the_titles_slug()
    {
        Assert.Equal("0009-http-baseline-nginx-or-caddy-in-front-of-the-demo-app.md",
            AdrNumbering.FileName(9, "HTTP baseline: nginx or caddy in front of the demo app"));
        Assert.Equal("0123-decision.md", AdrNumbering.FileName(123, "—"));
    }

    [Theory]
    [InlineData("Café au lait — PostgreSQL vs. MySQL", "cafe-au-lait-postgresql-vs-mysql")]
    [InlineData("  Redis (7.2) or Valkey?  ", "redis-7-2-or-valkey")]
    [InlineData("A very long experiment title that goes on and on about caches, queues and databases of all kinds", "a-very-long-experiment-title-that-goes-on-and-on-about")]
    public void Slugs_are_lower_case_ascii_words_cut_at_a_word(string title, string slug)
    {
        Assert.Equal(slug, AdrNumbering.Slug(title));
        Assert.True(AdrNumbering.Slug(title).Length <= 60);
    }
}

using Assay.Core.Statistics;
using Assay.Reporting.Adr;
using Assay.Testing;

namespace Assay.Reporting.Tests.Adr;

public sealed class AdrDraftTests
{
    private static readonly AdrContext Context = new(9, new DateOnly(2026, 11, 27), "../../.assay/runs/20261127-042613-http-baseline-3f2a/report.html");

    [Fact]
    public void A_decisive_run_names_the_winner_with_its_evidence()
    {
        var draft = AdrDraft.Render(AdrFixtures.Decisive(), Context);

        GoldenFile.Match(draft, "tests", "Assay.Reporting.Tests", "Adr", "golden", "decisive.md");
        Assert.Contains("Chosen option: \"nginx\"", draft, StringComparison.Ordinal);
        Assert.Contains("- Status: proposed", draft, StringComparison.Ordinal);
        Assert.Contains("[Run report](../../.assay/runs/20261127-042613-http-baseline-3f2a/report.html)", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inconclusive_run_says_so_and_names_no_winner()
    {
        var draft = AdrDraft.Render(AdrFixtures.Inconclusive(), Context);

        GoldenFile.Match(draft, "tests", "Assay.Reporting.Tests", "Adr", "golden", "inconclusive.md");
        Assert.Contains("Chosen option: none yet — the evidence is inconclusive", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Chosen option: \"", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hypothesis_that_could_not_be_judged_keeps_a_winner_out_even_when_comparisons_decided()
    {
        var run = AdrFixtures.Decisive() with
        {
            Hypothesis = AdrFixtures.Inconclusive().Hypothesis,
        };

        var choice = AdrChoice.For(run);

        Assert.Null(choice.Winner);
        Assert.Contains("hypothesis could not be judged", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdicts_that_favour_different_variants_name_no_winner()
    {
        var run = AdrFixtures.Decisive();
        var worse = run.Comparisons.First(c => c.Judged && c.Verdict == ComparisonVerdict.Worse);
        run = run with { Comparisons = [worse, worse with { Kpi = "throughput", Verdict = ComparisonVerdict.Better }] };

        var choice = AdrChoice.For(run);

        Assert.Null(choice.Winner);
        Assert.Contains("mixed", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_comparisons_names_no_winner()
    {
        var run = AdrFixtures.Decisive() with { Comparisons = [] };

        Assert.Contains("Chosen option: none yet — the run compared no variants", AdrDraft.Render(run, Context), StringComparison.Ordinal);
    }

    [Fact]
    public void The_draft_is_the_same_in_every_culture()
    {
        var run = AdrFixtures.Decisive();

        Assert.Equal(AdrDraft.Render(run, Context), CommaCulture.Run(() => AdrDraft.Render(run, Context)));
    }
}

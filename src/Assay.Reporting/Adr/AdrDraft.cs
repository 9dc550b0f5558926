using System.Globalization;
using System.Text;
using Assay.Core.History;
using Assay.Core.Results;
using Assay.Core.Statistics;
using Assay.Reporting.Text;

namespace Assay.Reporting.Adr;

/// <summary>Where and when an ADR draft is written.</summary>
/// <param name="Number">The ADR's number in its folder (<see cref="AdrNumbering.Next"/>).</param>
/// <param name="ReportLink">Relative link from the ADR's folder to the run's report.html; null leaves the link out.</param>
public sealed record AdrContext(int Number, DateOnly Date, string? ReportLink);

/// <summary>
/// A run's evidence as a proposed architecture decision record in MADR layout: the problem from the hypothesis, the
/// variants as options, the outcome with its evidence, consequences and a link to the report. Names a winner only
/// when the comparisons and the hypothesis support one (<see cref="AdrChoice"/>). Pure: text in, text out.
/// </summary>
public static class AdrDraft
{
    /// <summary>The draft's Markdown, lines ending in \n, numbers in the invariant culture.</summary>
    public static string Render(RunResult result, AdrContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var text = new StringBuilder();
        var choice = AdrChoice.For(result);
        Header(text, result, context);
        Problem(text, result);
        Options(text, result);
        Outcome(text, result, choice);
        Evidence(text, result);
        Consequences(text, result, choice);
        Links(text, result, context);
        return text.ToString().TrimEnd() + "\n";
    }

    private static void Header(StringBuilder text, RunResult result, AdrContext context)
    {
        Line(text, $"# {context.Number}. {result.Title}");
        Line(text);
        Line(text, "- Status: proposed");
        Line(text, $"- Date: {context.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        Line(text, $"- Evidence: run `{result.RunId}` of experiment `{result.Experiment}` ({result.Status.ToText()})");
        Line(text);
    }

    private static void Problem(StringBuilder text, RunResult result)
    {
        Line(text, "## Context and Problem Statement");
        Line(text);
        if (result.Hypothesis is not { } hypothesis)
        {
            Line(text, $"Which of {Join(result.Variants.Select(v => v.Name))} should {result.Title} use? The experiment states no hypothesis.");
            Line(text);
            return;
        }
        Line(text, $"Claim under test: {hypothesis.Claim}.");
        Line(text);
        if (hypothesis.Questions.Count > 0)
        {
            Line(text, "Questions the decision answers:");
            Line(text);
            foreach (var question in hypothesis.Questions) Line(text, $"- {question}");
            Line(text);
        }
        if (hypothesis.Focus.Count > 0)
        {
            Line(text, "## Decision Drivers");
            Line(text);
            foreach (var focus in hypothesis.Focus) Line(text, $"- {focus}");
            Line(text);
        }
    }

    private static void Options(StringBuilder text, RunResult result)
    {
        Line(text, "## Considered Options");
        Line(text);
        foreach (var variant in result.Variants) Line(text, $"- {variant.Name}");
        Line(text);
    }

    private static void Outcome(StringBuilder text, RunResult result, AdrChoice choice)
    {
        Line(text, "## Decision Outcome");
        Line(text);
        Line(text, choice.Winner is { } winner
            ? $"Chosen option: \"{winner}\", because {choice.Reason} ({Plan(result)})."
            : $"Chosen option: none yet — {choice.Reason}. This draft names no winner; the evidence below is what a decision would rest on.");
        Line(text);
        if (result.Hypothesis is { } hypothesis)
        {
            Line(text, $"Hypothesis: {HypothesisVerdict(hypothesis.Verdict)}.");
            Line(text);
        }
    }

    private static void Evidence(StringBuilder text, RunResult result)
    {
        var machine = result.Environment.Machine;
        Line(text, "### Evidence");
        Line(text);
        Line(text, $"Run `{result.RunId}`: {result.Trials} trial(s) per variant on {machine.CpuModel} ({machine.LogicalCpus} CPUs), "
            + $"{result.Environment.Runtime} runtime, resource accounting {result.Environment.ResourceAccounting}, assay {result.Environment.AssayVersion}.");
        Line(text);
        Kpis(text, result);
        Costs(text, result);
        Slos(text, result);
        Comparisons(text, result);
        Criteria(text, result.Hypothesis);
    }

    private static void Kpis(StringBuilder text, RunResult result)
    {
        var kpis = KpiCatalog.All.Where(k => result.Variants.Any(v => KpiSamples.Of(v).ContainsKey(k.Name))).ToList();
        if (kpis.Count == 0) return;
        Line(text, "KPIs across trials (median, with the range of the trials):");
        Line(text);
        Line(text, $"| Variant | {string.Join(" | ", kpis.Select(k => k.Name))} |");
        Line(text, $"|---|{string.Concat(kpis.Select(_ => "---|"))}");
        foreach (var variant in result.Variants)
        {
            var samples = KpiSamples.Of(variant);
            var cells = kpis.Select(k => samples.TryGetValue(k.Name, out var values) && values.Count > 0
                ? $"{Formats.Kpi(Median.Of(values), k.Unit)} [{Formats.Kpi(values.Min(), k.Unit)} – {Formats.Kpi(values.Max(), k.Unit)}]"
                : "–");
            Line(text, $"| {Cell(variant.Name)} | {string.Join(" | ", cells)} |");
        }
        Line(text);
    }

    private static void Costs(StringBuilder text, RunResult result)
    {
        var priced = result.Variants.Where(v => v.Cost is not null).ToList();
        if (priced.Count == 0) return;
        Line(text, $"Cost on {priced[0].Cost!.Node}:");
        Line(text);
        foreach (var variant in priced)
        {
            var cost = variant.Cost!;
            var perMillion = cost.PerMillion is { } m ? $"{Formats.Dollars(m)} per 1M {cost.Unit}" : "no operation succeeded";
            Line(text, $"- {variant.Name}: {perMillion} ({Formats.Dollars(cost.Total)} for the measured window)");
        }
        Line(text);
    }

    private static void Slos(StringBuilder text, RunResult result)
    {
        var slos = result.Variants.SelectMany(v => v.Slos.Select(s => (Variant: v.Name, Slo: s))).ToList();
        if (slos.Count == 0) return;
        Line(text, "SLOs:");
        Line(text);
        foreach (var (variant, slo) in slos)
        {
            var target = slo.ThresholdMs is { } t ? $"{Formats.Number(slo.Objective)}% within {Formats.Latency(t)}" : $"{Formats.Number(slo.Objective)}% available";
            var sli = slo.Sli is { } value ? $"SLI {value.ToString("0.####", CultureInfo.InvariantCulture)}%" : "nothing measured";
            Line(text, $"- {variant} {slo.Name} ({target}): {(slo.Passed ? "met" : "missed")}, {sli}");
        }
        Line(text);
    }

    private static void Comparisons(StringBuilder text, RunResult result)
    {
        if (result.Comparisons.Count == 0) return;
        Line(text, "Comparisons (candidate ÷ baseline, Hodges–Lehmann ratio with its exact interval):");
        Line(text);
        Line(text, "| Candidate | Baseline | KPI | Ratio | Interval | Verdict |");
        Line(text, "|---|---|---|---|---|---|");
        foreach (var c in result.Comparisons)
        {
            var interval = IntervalText.Of(c);
            var verdict = c.Judged ? c.Verdict.ToString().ToLowerInvariant() : "not judged: too few trials";
            Line(text, $"| {Cell(c.Candidate)} | {Cell(c.Baseline)} | {c.Kpi} | {(c.Ratio is { } r ? Formats.Number(r) : "–")} | {interval} | {verdict} |");
        }
        Line(text);
        foreach (var note in result.Comparisons.Where(c => !c.Judged).Select(c => c.Note).Distinct()) Line(text, $"> {note}");
        if (result.Comparisons.Any(c => !c.Judged)) Line(text);
    }

    private static void Criteria(StringBuilder text, HypothesisResult? hypothesis)
    {
        if (hypothesis is null || hypothesis.Criteria.Count == 0) return;
        Line(text, $"Hypothesis criteria ({HypothesisVerdict(hypothesis.Verdict)}):");
        Line(text);
        foreach (var c in hypothesis.Criteria)
        {
            var mark = c.Passed switch { true => "passed", false => "failed", null => "not judged" };
            var value = c.Value is { } v ? $" = {Formats.Number(v)}" : "";
            var interval = IntervalText.Bracket(c.CiLow, c.CiHigh) is { Length: > 0 } bracket ? " " + bracket : "";
            var note = c.Note is null ? "" : $" ({c.Note})";
            Line(text, $"- {c.Description}{value}{interval}: {mark}{note}");
        }
        Line(text);
    }

    private static void Consequences(StringBuilder text, RunResult result, AdrChoice choice)
    {
        Line(text, "### Consequences");
        Line(text);
        if (choice.Winner is not { } winner)
        {
            Line(text, "- Good, because nothing is decided on evidence that cannot carry a decision.");
            var minimum = MannWhitney.MinimumTrialsPerArm(result.Comparisons.Count > 0 ? result.Comparisons[0].RequestedConfidence : 0.95);
            Line(text, result.Comparisons.Any(c => !c.Judged)
                ? $"- Bad, because the decision waits for another run with at least {minimum} trials per variant (5 to 10 recommended)."
                : "- Bad, because the decision waits for more evidence: more trials, a quieter machine, or a question the run can answer.");
            Line(text);
            return;
        }
        foreach (var c in result.Comparisons.Where(c => c.Judged && c.Verdict is ComparisonVerdict.Better or ComparisonVerdict.Worse))
        {
            var ratio = c.Ratio is { } r ? $"ratio {Formats.Number(r)} [{Formats.Number(c.CiLow ?? r)}, {Formats.Number(c.CiHigh ?? r)}]" : "";
            var other = c.Candidate == winner ? c.Baseline : c.Candidate;
            Line(text, $"- Good, because {winner} is better than {other} on {c.Kpi} ({c.Candidate} ÷ {c.Baseline} {ratio}).");
        }
        foreach (var c in result.Comparisons.Where(c => (c.Candidate == winner || c.Baseline == winner) && c.Judged && c.Verdict == ComparisonVerdict.Equivalent))
            Line(text, $"- Neutral, because {winner} is equivalent to {(c.Candidate == winner ? c.Baseline : c.Candidate)} on {c.Kpi}.");
        foreach (var c in result.Comparisons.Where(c => (c.Candidate == winner || c.Baseline == winner) && (!c.Judged || c.Verdict == ComparisonVerdict.Inconclusive)))
            Line(text, $"- Bad, because {c.Kpi} against {(c.Candidate == winner ? c.Baseline : c.Candidate)} is not shown either way.");
        foreach (var slo in result.Variants.Where(v => v.Name == winner).SelectMany(v => v.Slos).Where(s => !s.Passed))
            Line(text, $"- Bad, because {winner} missed the SLO {slo.Name} in this run.");
        Line(text);
    }

    private static void Links(StringBuilder text, RunResult result, AdrContext context)
    {
        Line(text, "## Links");
        Line(text);
        if (context.ReportLink is { } link) Line(text, $"- [Run report]({link})");
        Line(text, $"- Experiment: `{result.ExperimentFile}`");
    }

    private static string Plan(RunResult result)
    {
        var first = result.Comparisons[0];
        return $"{Formats.Percent(first.RequestedConfidence)} intervals, ±{Formats.Percent(first.Margin)} margin";
    }

    private static string HypothesisVerdict(string verdict) => verdict switch
    {
        "validated" => "validated",
        "invalidated" => "invalidated",
        _ => "insufficient evidence, not judged",
    };

    private static string Join(IEnumerable<string> names) => string.Join(" or ", names);

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);

    // Numbers go through Formats (invariant culture); integers and names format the same in every culture.
    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}

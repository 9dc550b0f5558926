using System.Globalization;
using System.Text;
using Assay.Reporting.Slo;
using Assay.Testing;

namespace Assay.Reporting.Tests.Slo;

/// <summary>
/// The alerts behave as the SRE Workbook says, checked by Prometheus' own rule engine (<c>promtool test rules</c>)
/// on synthetic series: a pair fires only when both its windows exceed k × budget.
/// </summary>
public sealed class PromtoolAlertTests
{
    private const string Ok = "http_requests_total{job=\"api\",status=\"200\"}";
    private const string Errors = "http_requests_total{job=\"api\",status=\"500\"}";

    [Theory(Timeout = 120_000)]
    // 99.9%: b = 0.001. Pairs fire above 0.0144 (page), 0.006 (page), 0.003 (ticket), 0.001 (ticket).
    [InlineData(2.0, "page ticket")]   // 0.02: over every pair
    [InlineData(0.7, "page ticket")]   // 0.007: over 6×b, under 14.4×b
    [InlineData(0.5, "ticket")]        // 0.005: under 6×b, over 3×b
    [InlineData(0.2, "ticket")]        // 0.002: over 1×b only
    [InlineData(0.05, "")]             // 0.0005: half the sustainable rate
    public async Task A_steady_error_ratio_fires_the_alerts_whose_factor_it_exceeds(double errorPercent, string severities)
    {
        // 10,000 requests a minute for 3 hours, errorPercent of them failing.
        var errors = (int)Math.Round(errorPercent * 100);
        var series = new[] { (Ok, $"0+{10_000 - errors}x180"), (Errors, $"0+{errors}x180") };

        var (code, output) = await TestAsync(Examples.Availability(99.9), series, "180m", severities);

        Assert.True(code == 0, output);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_burst_over_the_short_window_alone_does_not_page()
    {
        // Two clean hours at 100 requests a minute, then 5 minutes at 10% errors: the 5m ratio is 0.1 (over 14.4×b)
        // but the 1h ratio only 50/6000 = 0.0083 and the 6h one 50/12500 = 0.004, so no page; the 2h ratio of
        // 50/12000 = 0.0042 exceeds 3×b over 1d too, so a ticket is raised.
        var series = new[] { (Ok, "0+100x120 12090+90x4"), (Errors, "0+0x120 10+10x4") };

        var (code, output) = await TestAsync(Examples.Availability(99.9), series, "125m", "ticket");

        Assert.True(code == 0, output);
    }

    [Theory(Timeout = 120_000)]
    // 99%: b = 0.01. 20% slow answers are over 14.4×b; 2% only over 1×b.
    [InlineData(2000, "page ticket")]
    [InlineData(200, "ticket")]
    [InlineData(50, "")]
    public async Task Latency_alerts_count_answers_over_the_threshold_bucket(int slowPerMinute, string severities)
    {
        var series = new[]
        {
            ("request_duration_seconds_bucket{job=\"api\",le=\"0.05\"}", $"0+{10_000 - slowPerMinute}x180"),
            ("request_duration_seconds_bucket{job=\"api\",le=\"+Inf\"}", "0+10000x180"),
            ("request_duration_seconds_count{job=\"api\"}", "0+10000x180"),
        };

        var (code, output) = await TestAsync(Examples.Latency(99, 50), series, "180m", severities);

        Assert.True(code == 0, output);
    }

    [Fact(Timeout = 120_000)]
    public async Task Recorded_ratios_burn_rates_and_remaining_budget_have_the_hand_computed_values()
    {
        // 2% errors against b = 0.001: burn rate 20 now and over the period; remaining budget 1 − 20 = −19.
        // promtool compares floats exactly, so the ratios are read in thousandths, rounded. As in Sloth, the burn
        // rates keep the window label of the ratio they divide.
        var series = new[] { (Ok, "0+9800x180"), (Errors, "0+200x180") };
        var ids = "sloth_id=\"api-availability\", sloth_service=\"api\", sloth_slo=\"availability\"";
        var samples = new[]
        {
            ("round(slo:sli_error:ratio_rate1h * 1000)", $"{{{ids}, sloth_window=\"1h\"}}", "20"),
            ("round(slo:sli_error:ratio_rate30d * 1000)", $"{{{ids}, sloth_window=\"30d\"}}", "20"),
            ("slo:error_budget:ratio", $"slo:error_budget:ratio{{{ids}}}", "0.001"),
            ("slo:objective:ratio", $"slo:objective:ratio{{{ids}}}", "0.999"),
            ("slo:time_period:days", $"slo:time_period:days{{{ids}}}", "30"),
            ("round(slo:current_burn_rate:ratio * 1000)", $"{{{ids}, sloth_window=\"5m\"}}", "20000"),
            ("round(slo:period_burn_rate:ratio * 1000)", $"{{{ids}, sloth_window=\"30d\"}}", "20000"),
            ("round(slo:period_error_budget_remaining:ratio * 1000)", $"{{{ids}, sloth_window=\"30d\"}}", "-19000"),
        };

        var (code, output) = await TestAsync(Examples.Availability(99.9), series, "180m", "page ticket", samples);

        Assert.True(code == 0, output);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_wrong_expectation_fails_promtool_so_the_tests_above_can_fail()
    {
        var series = new[] { (Ok, "0+10000x180"), (Errors, "0+0x180") };

        var (code, output) = await TestAsync(Examples.Availability(99.9), series, "180m", "page");

        Assert.NotEqual(0, code);
        Assert.Contains("FAILED", output, StringComparison.Ordinal);
    }

    /// <summary>Writes the rules and a promtool unit test expecting exactly the given severities at <paramref name="evalTime"/>.</summary>
    private static async Task<(int ExitCode, string Output)> TestAsync(
        SloRuleSet set,
        IReadOnlyList<(string Series, string Values)> series,
        string evalTime,
        string severities,
        IReadOnlyList<(string Expr, string Labels, string Value)>? samples = null)
    {
        using var folder = new TempFolder("slo-alerts");
        await File.WriteAllTextAsync(folder.File("rules.yaml"), PrometheusRules.Write([set]));
        var test = new StringBuilder("rule_files: [rules.yaml]\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:\n");
        foreach (var (name, values) in series)
            test.Append(CultureInfo.InvariantCulture, $"      - series: '{name}'\n        values: '{values}'\n");
        test.Append(CultureInfo.InvariantCulture, $"    alert_rule_test:\n      - eval_time: {evalTime}\n        alertname: {set.AlertName}\n        exp_alerts:");
        var expected = severities.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        test.Append(expected.Length == 0 ? " []\n" : "\n");
        foreach (var severity in expected)
        {
            test.Append(CultureInfo.InvariantCulture, $"""
                          - exp_labels:
                              severity: {severity}
                              sloth_severity: {severity}
                              sloth_id: {set.Id}
                              sloth_service: {set.Service}
                              sloth_slo: {set.Slo.Name}
                            exp_annotations:
                              summary: "{set.Service} {set.Slo.Name} SLO error budget burn rate is over expected."
                              title: "({severity}) {set.Service} {set.Slo.Name} SLO error budget burn rate is too fast."

                """);
        }
        if (samples is not null)
        {
            test.Append("    promql_expr_test:\n");
            foreach (var (expr, labels, value) in samples)
                test.Append(CultureInfo.InvariantCulture, $"      - expr: '{expr}'\n        eval_time: {evalTime}\n        exp_samples:\n          - labels: '{labels}'\n            value: {value}\n");
        }
        await File.WriteAllTextAsync(folder.File("tests.yaml"), test.ToString());
        var (code, output) = await Promtool.RunAsync("test", "rules", folder.File("tests.yaml"));
        return (code, output + "\n--- tests.yaml ---\n" + test);
    }
}

using System.Text.RegularExpressions;
using Assay.Core.Slo;
using Assay.Reporting.Slo;

namespace Assay.Reporting.Tests.Slo;

public sealed class PrometheusRulesTests
{
    private static readonly string[] Records =
    [
        "slo:sli_error:ratio_rate5m", "slo:sli_error:ratio_rate30m", "slo:sli_error:ratio_rate1h", "slo:sli_error:ratio_rate2h",
        "slo:sli_error:ratio_rate6h", "slo:sli_error:ratio_rate1d", "slo:sli_error:ratio_rate3d", "slo:sli_error:ratio_rate30d",
        "slo:objective:ratio", "slo:error_budget:ratio", "slo:time_period:days", "slo:current_burn_rate:ratio",
        "slo:period_burn_rate:ratio", "slo:period_error_budget_remaining:ratio",
    ];

    [Fact]
    public void Availability_rules_match_the_golden_file() =>
        RulesGolden.Match("availability-99.9.yaml", PrometheusRules.Write([Examples.Availability()], "experiments/http-baseline"));

    [Fact]
    public void Latency_rules_match_the_golden_file() =>
        RulesGolden.Match("latency-99-50ms.yaml", PrometheusRules.Write([Examples.Latency()], "experiments/http-baseline"));

    [Fact]
    public void Several_slos_share_one_file_in_groups_of_their_own() =>
        RulesGolden.Match("two-slos.yaml", PrometheusRules.Write([Examples.Availability(99.95, "checkout"), Examples.Latency(99.5, 250, "checkout")]));

    [Fact]
    public void Every_sloth_recording_is_written_once_per_slo()
    {
        var rules = PrometheusRules.Write([Examples.Availability(), Examples.Latency()]);

        foreach (var record in Records)
            Assert.Equal(2, Regex.Count(rules, $"- record: {Regex.Escape(record)}\n"));
        Assert.Equal(6, Regex.Count(rules, "  - name: "));
    }

    [Theory]
    [InlineData(99.9, "0.999", "0.001")]
    [InlineData(99.5, "0.995", "0.005")]
    [InlineData(99.99, "0.9999", "0.0001")]
    [InlineData(95, "0.95", "0.05")]
    public void Objective_and_budget_are_recorded_as_exact_ratios(double objective, string ratio, string budget)
    {
        var rules = PrometheusRules.Write([Examples.Availability(objective)]);

        Assert.Contains($"- record: slo:objective:ratio\n        expr: |\n          vector({ratio})\n", rules, StringComparison.Ordinal);
        Assert.Contains($"- record: slo:error_budget:ratio\n        expr: |\n          vector({budget})\n", rules, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(99.9, "0.001")]
    [InlineData(99.5, "0.005")]
    [InlineData(99, "0.01")]
    public void Each_alert_window_pair_compares_both_windows_with_k_times_the_budget(double objective, string budget)
    {
        // Layout aside: whitespace runs read as one space.
        var rules = Regex.Replace(PrometheusRules.Write([Examples.Availability(objective)]), @"\s+", " ");
        var selector = "{sloth_id=\"api-availability\", sloth_service=\"api\", sloth_slo=\"availability\"}";

        foreach (var (k, shortWindow, longWindow) in new[] { ("14.4", "5m", "1h"), ("6", "30m", "6h"), ("3", "2h", "1d"), ("1", "6h", "3d") })
        {
            var pair = $"( (slo:sli_error:ratio_rate{shortWindow}{selector} > ({k} * {budget})) and ignoring (sloth_window) "
                + $"(slo:sli_error:ratio_rate{longWindow}{selector} > ({k} * {budget})) )";
            Assert.Contains(pair, rules, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_page_alert_holds_the_fast_pairs_and_the_ticket_alert_the_slow_ones()
    {
        var rules = PrometheusRules.Write([Examples.Availability()]);
        var alerts = rules[rules.IndexOf("sloth-slo-alerts-", StringComparison.Ordinal)..];
        var page = alerts[..alerts.IndexOf("severity: \"page\"", StringComparison.Ordinal)];
        var ticket = alerts[alerts.IndexOf("severity: \"page\"", StringComparison.Ordinal)..];

        Assert.Equal(2, Regex.Count(alerts, "- alert: ApiAvailabilityErrorBudgetBurn\n"));
        Assert.Contains("ratio_rate5m", page, StringComparison.Ordinal);
        Assert.Contains("ratio_rate6h", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ratio_rate1d", page, StringComparison.Ordinal);
        Assert.Contains("ratio_rate1d", ticket, StringComparison.Ordinal);
        Assert.Contains("ratio_rate3d", ticket, StringComparison.Ordinal);
        Assert.DoesNotContain("ratio_rate5m", ticket, StringComparison.Ordinal);
        Assert.Contains("severity: \"ticket\"\n          sloth_severity: \"ticket\"", ticket, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_with_quotes_are_escaped_in_yaml_and_promql()
    {
        var rules = PrometheusRules.Write([Examples.Availability(service: "my \"api\"")]);

        Assert.Contains("sloth_service: \"my \\\"api\\\"\"", rules, StringComparison.Ordinal);
        Assert.Contains("sloth_service=\"my \\\"api\\\"\"", rules, StringComparison.Ordinal);
        Assert.Contains("- alert: MyApiAvailabilityErrorBudgetBurn", rules, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_slos_with_one_id_or_an_slo_with_problems_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PrometheusRules.Write([Examples.Availability(), Examples.Availability(99)]));
        Assert.Throws<ArgumentException>(() => PrometheusRules.Write([Examples.Availability() with { Slo = new SloPlan("availability", SloKind.Availability, 100) }]));
        Assert.Throws<ArgumentException>(() => PrometheusRules.Write([Examples.Availability(service: " ")]));
        Assert.Throws<ArgumentException>(() => PrometheusRules.Write([Examples.Availability(service: "a\nb")]));
        Assert.Throws<ArgumentException>(() => PrometheusRules.Write([]));
    }

    [Theory]
    [InlineData("api", "availability", "ApiAvailabilityErrorBudgetBurn")]
    [InlineData("http-baseline", "latency-p99", "HttpBaselineLatencyP99ErrorBudgetBurn")]
    [InlineData("3scale", "availability", "Slo3scaleAvailabilityErrorBudgetBurn")]
    public void Alert_names_are_service_and_slo_in_pascal_case(string service, string slo, string alert) =>
        Assert.Equal(alert, Examples.Availability(service: service, name: slo).AlertName);

    [Theory]
    [InlineData(300, "5m")]
    [InlineData(1800, "30m")]
    [InlineData(3600, "1h")]
    [InlineData(86_400, "1d")]
    [InlineData(2_592_000, "30d")]
    [InlineData(90, "90s")]
    public void Durations_are_written_in_their_largest_whole_promql_unit(int seconds, string text) =>
        Assert.Equal(text, PrometheusRules.PromDuration(TimeSpan.FromSeconds(seconds)));
}

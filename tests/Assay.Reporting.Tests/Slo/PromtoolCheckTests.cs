using Assay.Reporting.Slo;
using Assay.Testing;

namespace Assay.Reporting.Tests.Slo;

/// <summary>Generated rules load in Prometheus: <c>promtool check rules</c> parses them, checks every PromQL expression and template, and lints for duplicates.</summary>
public sealed class PromtoolCheckTests
{
    private static readonly double[] Objectives = [90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999];

    public static TheoryData<string, double> KindsAndObjectives()
    {
        var data = new TheoryData<string, double>();
        foreach (var objective in Objectives)
        {
            data.Add("availability", objective);
            data.Add("latency", objective);
        }
        return data;
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(KindsAndObjectives))]
    public async Task Rules_of_either_kind_and_any_objective_pass_promtool(string kind, double objective)
    {
        var set = kind == "availability" ? Examples.Availability(objective) : Examples.Latency(objective, thresholdMs: 250);

        var (code, output) = await CheckAsync(PrometheusRules.Write([set]));

        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS: 16 rules found", output, StringComparison.Ordinal);
    }

    [Theory(Timeout = 120_000)]
    [InlineData(1)]       // a whole second: le="1" or le="1.0"
    [InlineData(2.5)]     // 0.0025 s
    [InlineData(100)]
    public async Task Latency_rules_for_whole_and_fractional_bucket_boundaries_pass_promtool(double thresholdMs)
    {
        var (code, output) = await CheckAsync(PrometheusRules.Write([Examples.Latency(99.9, thresholdMs)]));

        Assert.True(code == 0, output);
    }

    [Fact(Timeout = 120_000)]
    public async Task Several_slos_in_one_file_pass_promtool_without_duplicate_rules()
    {
        var rules = PrometheusRules.Write([
            Examples.Availability(99.9), Examples.Latency(99, 50),
            Examples.Availability(99.5, "checkout"), Examples.Latency(95, 1000, "checkout", "slow-latency"),
        ]);

        var (code, output) = await CheckAsync(rules);

        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS: 64 rules found", output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Every_golden_rules_file_passes_promtool()
    {
        var files = Directory.GetFiles(Path.GetDirectoryName(RulesGolden.PathOf("x"))!, "*.yaml");

        var (code, output) = await Promtool.RunAsync(["check", "rules", .. files]);

        Assert.NotEmpty(files);
        Assert.True(code == 0, output);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_broken_expression_fails_promtool_so_the_checks_above_can_fail()
    {
        var rules = PrometheusRules.Write([Examples.Availability()]).Replace("/ ignoring (sloth_window)", "/ ignoring (sloth_window", StringComparison.Ordinal);

        var (code, output) = await CheckAsync(rules);

        Assert.NotEqual(0, code);
        Assert.Contains("FAILED", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> CheckAsync(string rules)
    {
        using var folder = new TempFolder("slo-rules");
        var file = folder.File("rules.yaml");
        await File.WriteAllTextAsync(file, rules);
        return await Promtool.RunAsync("check", "rules", file);
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Assay.Testing;

/// <summary>
/// The result contract of the foundation issue (fields and types of result.json), checked in C# so a
/// clean machine needs nothing else; the workplace's check-result tool is run too when it is present.
/// </summary>
public static class ResultContract
{
    private static readonly string[] Statuses = ["passed", "failed", "error", "cancelled"];
    private static readonly string[] Accounting = ["cgroup-v2", "cgroup-v1", "procfs"];

    /// <summary>Every problem with the document; empty when it meets the contract.</summary>
    public static IReadOnlyList<string> Problems(string json)
    {
        var problems = new List<string>();
        var root = JsonNode.Parse(json)!.AsObject();
        void Need(bool ok, string what)
        {
            if (!ok) problems.Add(what);
        }
        Need(root["runId"] is JsonValue id && id.TryGetValue<string>(out var s) && s.Length > 0, "runId (non-empty string)");
        Need(IsString(root["experiment"]), "experiment (string)");
        Need(root["status"] is JsonValue st && Statuses.Contains(st.GetValue<string>()), "status (passed|failed|error|cancelled)");
        Need(root["environment"]?["resourceAccounting"] is JsonValue ra && Accounting.Contains(ra.GetValue<string>()), "environment.resourceAccounting");
        var variants = root["variants"] as JsonArray;
        Need(variants is { Count: > 0 }, "variants (non-empty array)");
        foreach (var variant in variants ?? [])
        {
            Need(IsString(variant!["name"]), "variants[].name");
            var workload = variant["workload"];
            foreach (var field in new[] { "throughput", "requests", "errors" })
                Need(IsNumber(workload?[field]), $"variants[].workload.{field} (number)");
            foreach (var p in new[] { "p50", "p90", "p99", "p999", "max" })
                Need(IsNumber(workload?["latencyMs"]?[p]), $"variants[].workload.latencyMs.{p} (number)");
            Need(variant["components"] is JsonArray, "variants[].components (array)");
            foreach (var component in variant["components"] as JsonArray ?? [])
            {
                Need(IsString(component!["name"]), "variants[].components[].name");
                foreach (var field in new[] { "cpuSeconds", "cpuCoresAvg", "memoryPeakBytes", "memoryAvgBytes" })
                    Need(IsNumber(component[field]), $"variants[].components[].{field} (number)");
            }
            foreach (var threshold in variant["thresholds"] as JsonArray ?? [])
            {
                Need(IsString(threshold!["expression"]), "variants[].thresholds[].expression");
                Need(threshold["passed"] is JsonValue b && b.TryGetValue<bool>(out _), "variants[].thresholds[].passed (boolean)");
                // actual is left out only when nothing was measured, and nothing measured never passes.
                Need(threshold.AsObject().ContainsKey("actual") || threshold["passed"] is JsonValue p && !p.GetValue<bool>(),
                    "variants[].thresholds[].actual");
            }
        }
        return problems;
    }

    /// <summary>Runs ../shared/tools/check-result on the file when the tool and jq exist; null when it could not run.</summary>
    /// <param name="mode">Passed on, e.g. <c>--evidence</c> to check the analysis fields too.</param>
    public static (int ExitCode, string Output)? RunCheckResultTool(string path, string? mode = null)
    {
        var tool = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "tools", "check-result"));
        if (!File.Exists(tool) || !File.Exists("/usr/bin/jq")) return null;
        string[] arguments = mode is null ? [path] : [path, mode];
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static bool IsNumber(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out _);

    private static bool IsString(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out _);
}

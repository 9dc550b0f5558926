using System.Diagnostics;
using Xunit;

namespace Assay.Testing;

/// <summary>
/// Whether Grafana Loki is installed as <c>loki</c>. Debian's archive has no Grafana Loki (its package <c>loki</c> is an
/// unrelated genetics program with a binary of the same name), so tests of the real server run only where someone put
/// Grafana's binary on PATH; elsewhere they are skipped, saying why, never passed silently.
/// </summary>
public static class GrafanaLoki
{
    public const string SkipReason =
        "Grafana Loki is not installed: the 'loki' on PATH (if any) is not Grafana Loki; Debian's package 'loki' is an unrelated program. Put Grafana Loki's binary on PATH as loki to run this test.";

    private static readonly Lazy<bool> Installed = new(() =>
    {
        try
        {
            // Both programs print their version to stdout, a line: it fits the pipe, so reading after the exit cannot block.
            var info = new ProcessStartInfo("loki", "-version") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
            using var process = Process.Start(info);
            if (process is null) return false;
            process.StandardInput.Close();
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
                return false;
            }
            return process.StandardOutput.ReadToEnd().StartsWith("loki, version", StringComparison.Ordinal);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public static bool IsInstalled => Installed.Value;
}

/// <summary>A fact that runs only where Grafana Loki is installed, and is reported as skipped (with the reason) elsewhere.</summary>
public sealed class GrafanaLokiFactAttribute : FactAttribute
{
    public GrafanaLokiFactAttribute()
    {
        if (!GrafanaLoki.IsInstalled) Skip = GrafanaLoki.SkipReason;
    }
}

/// <summary>A fact for machines without Grafana Loki (this project's): what a run does there. Skipped where Loki is installed.</summary>
public sealed class WithoutGrafanaLokiFactAttribute : FactAttribute
{
    public WithoutGrafanaLokiFactAttribute()
    {
        if (GrafanaLoki.IsInstalled) Skip = "Grafana Loki is installed here: the tests of the real server cover this machine.";
    }
}

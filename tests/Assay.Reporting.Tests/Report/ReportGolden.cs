using Assay.Testing;

namespace Assay.Reporting.Tests.Report;

/// <summary>
/// Compares a report with a file under Report/golden/; with ASSAY_UPDATE_GOLDEN=1 it rewrites the file instead,
/// so a deliberate change is one command and a reviewed diff (the CLI tests' convention).
/// </summary>
internal static class ReportGolden
{
    public static void Match(string name, string actual)
    {
        var path = RepoPaths.Of("tests", "Assay.Reporting.Tests", "Report", "golden", name);
        if (Environment.GetEnvironmentVariable("ASSAY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing: run the tests once with ASSAY_UPDATE_GOLDEN=1 and review the file");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}

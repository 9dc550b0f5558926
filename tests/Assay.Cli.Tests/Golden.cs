using Assay.Testing;

namespace Assay.Cli.Tests;

/// <summary>
/// Compares text with a file under golden/; with ASSAY_UPDATE_GOLDEN=1 it rewrites the file instead,
/// so a deliberate change is one command and a reviewed diff.
/// </summary>
internal static class Golden
{
    public static void Match(string name, string actual)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Assay.Cli.Tests", "golden", name);
        var normalized = string.Join('\n', actual.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("ASSAY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, normalized);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing: run the tests once with ASSAY_UPDATE_GOLDEN=1 and review the file");
        Assert.Equal(File.ReadAllText(path), normalized);
    }
}

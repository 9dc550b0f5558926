using Xunit;

namespace Assay.Testing;

/// <summary>
/// Compares text with a golden file of the repository; with ASSAY_UPDATE_GOLDEN=1 it rewrites the file instead, so a
/// deliberate change is one command and a reviewed diff.
/// </summary>
public static class GoldenFile
{
    /// <param name="pathInRepo">The file's path below the repository root, one segment each.</param>
    public static void Match(string actual, params string[] pathInRepo)
    {
        var path = RepoPaths.Of(pathInRepo);
        if (Environment.GetEnvironmentVariable("ASSAY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing: run the tests once with ASSAY_UPDATE_GOLDEN=1 and review the file");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}

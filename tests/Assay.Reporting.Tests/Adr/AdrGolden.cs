using Assay.Testing;

namespace Assay.Reporting.Tests.Adr;

/// <summary>Compares an ADR draft with a file under Adr/golden/; ASSAY_UPDATE_GOLDEN=1 rewrites the file instead.</summary>
internal static class AdrGolden
{
    public static void Match(string name, string actual)
    {
        var path = RepoPaths.Of("tests", "Assay.Reporting.Tests", "Adr", "golden", name);
        if (Environment.GetEnvironmentVariable("ASSAY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing: run the tests once with ASSAY_UPDATE_GOLDEN=1 and review the file");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}

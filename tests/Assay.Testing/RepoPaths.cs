namespace Assay.Testing;

/// <summary>Where the repository is, found by walking up from the test binaries to Assay.slnx.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Assay.slnx"))) return directory.FullName;
        throw new InvalidOperationException($"No Assay.slnx above {AppContext.BaseDirectory}: run the tests from the repository.");
    });

    public static string Root => LazyRoot.Value;

    public static string Catalog => Path.Combine(Root, "catalog");

    public static string Experiments => Path.Combine(Root, "experiments");

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);
}

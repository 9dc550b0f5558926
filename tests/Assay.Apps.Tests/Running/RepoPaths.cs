namespace Assay.Apps.Tests.Running;

/// <summary>Where the built binaries are: found from the repository root, the folder holding <c>Assay.slnx</c>.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string AppBinary(string name) => Existing(Path.Combine(Root.Value, "artifacts", "apps", name, name));

    /// <summary>The entry file of a Node.js app: <c>apps/NAME/server.js</c>, run from the source tree (nothing to build).</summary>
    public static string NodeApp(string name) => Existing(Path.Combine(Root.Value, "apps", name, "server.js"));

    public static string Burner => Existing(Path.Combine(Root.Value, "artifacts", "test-apps", "burner", "burner"));

    private static string Existing(string path) => File.Exists(path)
        ? path
        : throw new FileNotFoundException($"{path} is missing: build tests/Assay.Apps.Tests (it builds the apps first), or check out apps/.", path);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Assay.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Assay.slnx above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }
}

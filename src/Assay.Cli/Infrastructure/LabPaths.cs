namespace Assay.Cli.Infrastructure;

/// <summary>
/// Where the lab finds its shipped files (the root: catalog/, pricing/, experiments/, built apps) and keeps
/// its state (the store, run folders, ledgers: <c>.assay/</c> under the working directory by default).
/// </summary>
public sealed record LabPaths(string Root, string StateDirectory)
{
    public const string RootVariable = "ASSAY_HOME";
    public const string DefaultStateDirectory = ".assay";

    public string Database => Path.Combine(StateDirectory, "assay.db");

    public string Runs => Path.Combine(StateDirectory, "runs");

    public string Ledgers => Path.Combine(StateDirectory, "ledger");

    public string Catalog => Path.Combine(Root, "catalog");

    /// <summary>The price book experiments' <c>cost.node</c> is looked up in.</summary>
    public string Pricing => Path.Combine(Root, Specs.Pricing.PriceBookLoader.DefaultFolder);

    public string Experiments => Path.Combine(Root, "experiments");

    /// <summary>
    /// The root is <c>$ASSAY_HOME</c> when set, else the first folder holding Assay.slnx above the
    /// program, else above the working directory.
    /// </summary>
    public static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(RootVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        return Above(AppContext.BaseDirectory) ?? Above(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
    }

    public static LabPaths Resolve(string? stateDirectory) =>
        new(FindRoot(), Path.GetFullPath(stateDirectory ?? DefaultStateDirectory));

    private static string? Above(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Assay.slnx"))) return directory.FullName;
        return null;
    }
}

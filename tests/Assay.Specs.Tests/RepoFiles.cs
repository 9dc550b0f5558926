using Assay.Core.Cost;
using Assay.Specs.Catalogs;
using Assay.Specs.Pricing;

namespace Assay.Specs.Tests;

/// <summary>Files of the repository the tests run in: found by walking up to Assay.slnx.</summary>
internal static class RepoFiles
{
    private static readonly string[] ShippedExperimentFolders = ["experiments", "bench"];
    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<Catalog> LazyCatalog = new(LoadCatalog);
    private static readonly Lazy<PriceBook> LazyPriceBook = new(LoadPriceBook);

    public static string Root => LazyRoot.Value;

    /// <summary>The shipped catalog, loaded once; loading it must succeed for any experiment test to mean something.</summary>
    public static Catalog Catalog => LazyCatalog.Value;

    /// <summary>The shipped price book (pricing/), loaded once, as the CLI passes it to the resolver.</summary>
    public static PriceBook PriceBook => LazyPriceBook.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Every experiment file the repository ships: experiments/** and bench/**.</summary>
    public static IReadOnlyList<string> ExperimentFiles() =>
        [.. ShippedExperimentFolders
            .Select(PathOf)
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "experiment.yaml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> CatalogFiles() =>
        [.. Directory.EnumerateFiles(PathOf("catalog"), "*.yaml").Order(StringComparer.Ordinal)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Assay.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Assay.slnx above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }

    private static PriceBook LoadPriceBook()
    {
        var outcome = PriceBookLoader.Load([PathOf(PriceBookLoader.DefaultFolder)]);
        return outcome.Value ?? throw new InvalidOperationException(
            "The shipped price book does not load:" + Environment.NewLine + string.Join(Environment.NewLine, outcome.Diagnostics));
    }

    private static Catalog LoadCatalog()
    {
        var outcome = CatalogLoader.Load([PathOf("catalog")]);
        return outcome.Value ?? throw new InvalidOperationException(
            "The shipped catalog does not load:" + Environment.NewLine + string.Join(Environment.NewLine, outcome.Diagnostics));
    }
}

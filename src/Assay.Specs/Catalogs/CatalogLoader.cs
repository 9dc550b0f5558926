using Assay.Core.Catalog;

namespace Assay.Specs.Catalogs;

/// <summary>Loads catalog entries: one <c>*.yaml</c> file per entry in each folder given.</summary>
public static class CatalogLoader
{
    /// <summary>
    /// Every entry of the folders, in order; a name defined twice is an error. The catalog is null when any
    /// file has an error, so that nothing runs against an entry that was only half read.
    /// </summary>
    public static SpecOutcome<Catalog> Load(IEnumerable<string> directories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var diagnostics = new DiagnosticBag();
        var entries = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                diagnostics.Error(null, "", $"catalog folder '{directory}' not found", "check the path, or pass the folder that holds the catalog entries");
                continue;
            }
            var files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml"))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (SpecFile.TryRead(file, "catalog", diagnostics, cancellationToken) is not { } text) continue;
                var entry = CatalogEntryParser.Parse(file, text, diagnostics, out var nameLocation);
                if (entry is null) continue;
                if (!entries.TryAdd(entry.Name, entry))
                {
                    diagnostics.Error(nameLocation, "metadata.name", $"catalog entry '{entry.Name}' is already defined in {entries[entry.Name].SourceFile}",
                        "entry names must be unique across the catalog folders; rename one");
                }
            }
        }
        return SpecOutcome<Catalog>.From(new Catalog(entries.Values), diagnostics);
    }

    /// <summary>One entry from text already read; <paramref name="file"/> names it in diagnostics and becomes its source file.</summary>
    public static SpecOutcome<CatalogEntry> LoadEntry(string file, string text)
    {
        var diagnostics = new DiagnosticBag();
        var entry = CatalogEntryParser.Parse(file, text, diagnostics, out _);
        return SpecOutcome<CatalogEntry>.From(entry, diagnostics);
    }
}

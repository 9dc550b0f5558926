using Assay.Core.Catalog;

namespace Assay.Specs.Catalogs;

/// <summary>The catalog entries an experiment can use, by name (loaded by <see cref="CatalogLoader"/>).</summary>
public sealed class Catalog
{
    private readonly Dictionary<string, CatalogEntry> _byName;

    /// <exception cref="ArgumentException">Two entries have the same name.</exception>
    public Catalog(IEnumerable<CatalogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries.OrderBy(e => e.Name, StringComparer.Ordinal)];
        _byName = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            if (!_byName.TryAdd(entry.Name, entry))
                throw new ArgumentException($"Catalog entry '{entry.Name}' is defined twice ({_byName[entry.Name].SourceFile} and {entry.SourceFile}).", nameof(entries));
        }
    }

    public static Catalog Empty { get; } = new([]);

    /// <summary>Every entry, ordered by name.</summary>
    public IReadOnlyList<CatalogEntry> Entries { get; }

    /// <summary>Every entry's name, in order.</summary>
    public IReadOnlyList<string> Names => [.. Entries.Select(e => e.Name)];

    public CatalogEntry? Find(string name) => _byName.GetValueOrDefault(name);
}

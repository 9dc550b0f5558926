using Assay.Core.Cost;

namespace Assay.Specs.Pricing;

/// <summary>Loads the price book: every <c>*.yaml</c> file of the folders given, one provider a file (<c>pricing/</c>).</summary>
public static class PriceBookLoader
{
    /// <summary>The default folder, relative to the repository root.</summary>
    public const string DefaultFolder = "pricing";

    /// <summary>
    /// Every node type of the folders; a node type priced twice is an error. The book is null when any file has an
    /// error, so nothing is priced from a half-read file.
    /// </summary>
    public static SpecOutcome<PriceBook> Load(IEnumerable<string> directories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var diagnostics = new DiagnosticBag();
        var nodes = new Dictionary<string, NodeType>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                diagnostics.Error(null, "", $"price book folder '{directory}' not found", "check the path, or pass the folder that holds aws.yaml, gcp.yaml, …");
                continue;
            }
            var files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml"))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (SpecFile.TryRead(file, "price book", diagnostics, cancellationToken) is not { } text) continue;
                foreach (var (node, location) in PriceBookParser.Parse(file, text, diagnostics))
                {
                    if (!nodes.TryAdd(node.Key, node))
                    {
                        diagnostics.Error(location, "spec.nodes", $"node type '{node.Key}' is already priced in {nodes[node.Key].SourceFile}",
                            "price each node type once; edit the first file or remove this entry");
                    }
                }
            }
        }
        return SpecOutcome<PriceBook>.From(new PriceBook(nodes.Values), diagnostics);
    }

    /// <summary>One price book file from text already read; <paramref name="file"/> names it in diagnostics.</summary>
    public static SpecOutcome<PriceBook> LoadFile(string file, string text)
    {
        var diagnostics = new DiagnosticBag();
        var nodes = PriceBookParser.Parse(file, text, diagnostics).Select(n => n.Node).ToList();
        return SpecOutcome<PriceBook>.From(diagnostics.HasErrors ? null : new PriceBook(nodes), diagnostics);
    }
}

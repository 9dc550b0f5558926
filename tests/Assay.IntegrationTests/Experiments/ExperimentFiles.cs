using YamlDotNet.RepresentationModel;

namespace Assay.IntegrationTests.Experiments;

/// <summary>Copies of shipped experiments cut down for a test, so a smoke run fits its time.</summary>
internal static class ExperimentFiles
{
    /// <summary>Writes <paramref name="source"/> into <paramref name="folder"/> with only the variants named, in their order in the file.</summary>
    public static string WithVariants(string source, string folder, params string[] names)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(source)) stream.Load(reader);
        var spec = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["spec"];
        var variants = (YamlSequenceNode)spec["variants"];
        var kept = variants.Children.Where(v => names.Contains(((YamlScalarNode)((YamlMappingNode)v)["name"]).Value)).ToList();
        if (kept.Count != names.Length)
            throw new ArgumentException($"{source} lacks some of the variants {string.Join(", ", names)}.", nameof(names));
        variants.Children.Clear();
        foreach (var variant in kept) variants.Children.Add(variant);

        var path = Path.Combine(folder, $"{Path.GetFileName(Path.GetDirectoryName(source))}-{string.Join("-", names)}.yaml");
        using var writer = new StreamWriter(path);
        stream.Save(writer, assignAnchors: false);
        return path;
    }
}

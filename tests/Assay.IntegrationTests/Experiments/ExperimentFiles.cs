using Assay.Testing;
using YamlDotNet.RepresentationModel;

namespace Assay.IntegrationTests.Experiments;

/// <summary>Copies of shipped experiments cut down for a test, so a smoke run fits its time.</summary>
internal static class ExperimentFiles
{
    /// <summary>Writes <paramref name="source"/> into <paramref name="folder"/> with only the variants named, in their order in the file.</summary>
    public static string WithVariants(string source, string folder, params string[] names)
    {
        var (path, kept) = Write(source, folder, string.Join("-", names), names.Contains);
        if (kept != names.Length)
            throw new ArgumentException($"{source} lacks some of the variants {string.Join(", ", names)}.", nameof(names));
        return path;
    }

    /// <summary>Writes <c>experiments/NAME/experiment.yaml</c> into the lab folder keeping the variants <paramref name="keep"/> accepts.</summary>
    public static string WithVariants(LabFolder lab, string name, Func<string, bool> keep)
    {
        var (path, kept) = Write(RepoPaths.Of("experiments", name, "experiment.yaml"), lab.Path, "subset", keep);
        Assert.True(kept > 0, $"no variant of {name} was kept");
        return path;
    }

    private static (string Path, int Kept) Write(string source, string folder, string suffix, Func<string, bool> keep)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(source)) stream.Load(reader);
        var spec = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["spec"];
        var variants = (YamlSequenceNode)spec["variants"];
        var kept = variants.Children.Where(v => keep(((YamlScalarNode)((YamlMappingNode)v)["name"]).Value!)).ToList();
        variants.Children.Clear();
        foreach (var variant in kept) variants.Children.Add(variant);

        var path = Path.Combine(folder, $"{Path.GetFileName(Path.GetDirectoryName(source))}-{suffix}.yaml");
        using var writer = new StreamWriter(path);
        stream.Save(writer, assignAnchors: false);
        return (path, kept.Count);
    }
}

using System.Text.RegularExpressions;
using Assay.Testing;

namespace Assay.IntegrationTests.Experiments;

/// <summary>A shipped experiment copied into a lab folder with only some of its variants, to keep a smoke run short.</summary>
internal static partial class ShippedExperiment
{
    /// <summary>Writes <c>experiments/NAME/experiment.yaml</c> keeping the variants whose name <paramref name="keep"/> accepts; returns the copy's path.</summary>
    public static string WithVariants(LabFolder lab, string name, Func<string, bool> keep)
    {
        var text = File.ReadAllText(RepoPaths.Of("experiments", name, "experiment.yaml"));
        var variants = VariantBlock().Matches(text);
        Assert.NotEmpty(variants);
        foreach (var variant in variants.Cast<Match>().Reverse())
        {
            if (!keep(variant.Groups["name"].Value)) text = text.Remove(variant.Index, variant.Length);
        }
        var path = Path.Combine(lab.Path, $"{name}.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>One entry of spec.variants: its "- name:" line and the more indented lines under it.</summary>
    [GeneratedRegex(@"^    - name: (?<name>[a-z0-9-]+)\n(?:      .*\n|        .*\n)*", RegexOptions.Multiline)]
    private static partial Regex VariantBlock();
}

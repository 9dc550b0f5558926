using System.Globalization;
using System.Text.RegularExpressions;
using Assay.Core.Cost;
using Assay.Core.Diagnostics;
using Assay.Specs.Experiments;
using Assay.Specs.Values;
using Assay.Specs.Yaml;

namespace Assay.Specs.Pricing;

/// <summary>
/// Reads and checks one price book file (<c>kind: PriceBook</c>): a provider's node types with their sizes,
/// prices and every price's source and date. Checks that prices agree with the split they claim and that
/// derived prices and assumptions say how they were made.
/// </summary>
internal static partial class PriceBookParser
{
    public const string Kind = "PriceBook";

    /// <summary>How far a node's price may differ from its split's sum: the book's prices have six decimals.</summary>
    private const double SplitTolerance = 1e-6;

    private static readonly string[] RootFields = ["apiVersion", "kind", "metadata", "spec"];
    private static readonly string[] MetadataFields = ["name", "labels"];
    private static readonly string[] SpecFields = ["provider", "region", "spot", "splits", "nodes"];
    private static readonly string[] SourceFields = ["basis", "source", "date", "note"];
    private static readonly string[] SpotFields = ["ratio", .. SourceFields];
    private static readonly string[] SplitFields = ["cpuPerVcpuHour", "memoryPerGiBHour", .. SourceFields];
    private static readonly string[] NodeFields = ["type", "vcpus", "memoryGiB", "onDemandPerHour", "homeLab", "split", .. SourceFields];
    private static readonly string[] HomeLabFields = ["capex", "salvage", "lifeYears", "averageWatts", "pricePerKWh"];
    private static readonly Dictionary<string, PriceBasis> Bases = new(StringComparer.Ordinal)
    {
        ["published"] = PriceBasis.Published,
        ["derived"] = PriceBasis.Derived,
        ["assumption"] = PriceBasis.Assumption,
    };

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?(\.\.\d{4}(-\d{2}(-\d{2})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();

    /// <summary>The file's node types with where each is written; empty when the file has any error.</summary>
    public static IReadOnlyList<(NodeType Node, SourceLocation Location)> Parse(string file, string text, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var root = YamlReader.Read(file, text, diagnostics);
        if (FieldReader.Open(root, "", diagnostics, RootFields) is not { } document)
        {
            if (root is YamlScalar) diagnostics.Error(root.Location, "", "expected a price book", $"start with apiVersion: {ExperimentDocument.ApiVersionV1Alpha1} and kind: {Kind}");
            return [];
        }
        var values = new ValueReader(null, diagnostics);
        Envelope(document, values);
        if (document.Mapping("metadata", MetadataFields) is { } metadata)
        {
            values.Name(Required(metadata, "name", "name: gcp", diagnostics));
            metadata.ScalarMap("labels");
        }
        else Missing(document, "metadata", "metadata: {name: gcp}", diagnostics);

        if (document.Mapping("spec", SpecFields) is not { } spec)
        {
            Missing(document, "spec", "spec: {provider: gcp, region: us-central1, nodes: [...]}", diagnostics);
            return [];
        }
        var provider = values.Name(Required(spec, "provider", "provider: gcp", diagnostics));
        if (provider == CostPlan.CustomNode)
            values.Error(spec.Scalar("provider")!, "'custom' is reserved for prices given in the experiment", "name the provider, e.g. provider: onprem");
        var region = values.Text(Required(spec, "region", "region: us-central1", diagnostics));
        var spot = Spot(spec, values);
        var splits = Splits(spec, values);

        var nodes = new List<(NodeType, SourceLocation)>();
        var written = spec.MappingList("nodes", NodeFields);
        if (written is null) Missing(spec, "nodes", "nodes: [{type: e2-standard-2, vcpus: 2, memoryGiB: 8, onDemandPerHour: 0.067006, ...}]", diagnostics);
        else if (written.Count == 0)
            diagnostics.Error(spec.KeyLocation("nodes"), spec.PathOf("nodes"), "needs at least one node type", "list the node types this provider prices");
        foreach (var entry in written ?? [])
        {
            if (Node(entry, values, splits, provider ?? "", region ?? "", spot, file) is not { } node) continue;
            if (nodes.Any(n => n.Item1.Type == node.Type))
                values.Error(entry.Scalar("type")!, $"node type '{node.Type}' is listed twice", "list each node type once");
            else nodes.Add((node, entry.Location));
        }
        return diagnostics.ErrorCount > errorsBefore ? [] : nodes;
    }

    private static void Envelope(FieldReader document, ValueReader values)
    {
        var apiVersion = Required(document, "apiVersion", $"apiVersion: {ExperimentDocument.ApiVersionV1Alpha1}", values.Diagnostics);
        if (values.Text(apiVersion) is { } version && version != ExperimentDocument.ApiVersionV1Alpha1)
            values.Error(apiVersion!, $"unsupported apiVersion '{version}'", $"write apiVersion: {ExperimentDocument.ApiVersionV1Alpha1}");
        var kind = Required(document, "kind", $"kind: {Kind}", values.Diagnostics);
        if (values.Text(kind) is { } text && text != Kind)
            values.Error(kind!, $"kind '{text}' is not a price book", $"write kind: {Kind}");
    }

    private static SpotRatio? Spot(FieldReader spec, ValueReader values)
    {
        if (spec.Mapping("spot", SpotFields) is not { } spot) return null;
        var ratio = values.Number(Required(spot, "ratio", "ratio: 0.2105", values.Diagnostics), 0, exclusiveMin: true, max: 1);
        var source = Source(spot, values);
        return ratio is { } r && source is not null ? new SpotRatio(r, source) : null;
    }

    private static Dictionary<string, PublishedSplit> Splits(FieldReader spec, ValueReader values)
    {
        var splits = new Dictionary<string, PublishedSplit>(StringComparer.Ordinal);
        if (spec.Mapping("splits", allowed: null) is not { } mapping) return splits;
        foreach (var key in mapping.Keys)
        {
            if (mapping.Mapping(key.Value, SplitFields) is not { } split) continue;
            var cpu = values.Number(Required(split, "cpuPerVcpuHour", "cpuPerVcpuHour: 0.021811", values.Diagnostics), 0, exclusiveMin: false);
            var memory = values.Number(Required(split, "memoryPerGiBHour", "memoryPerGiBHour: 0.002923", values.Diagnostics), 0, exclusiveMin: false);
            var source = Source(split, values);
            if (cpu is { } c && memory is { } m && source is not null)
                splits[key.Value] = new PublishedSplit(key.Value, new ResourceRates(c, m), source);
        }
        return splits;
    }

    private static NodeType? Node(
        FieldReader entry, ValueReader values, IReadOnlyDictionary<string, PublishedSplit> splits, string provider, string region, SpotRatio? spot, string file)
    {
        var typeScalar = Required(entry, "type", "type: e2-standard-2", values.Diagnostics);
        var type = values.Text(typeScalar);
        if (type is not null && !TypePattern().IsMatch(type))
        {
            values.Error(typeScalar!, $"'{type}' is not a node type name", "write the provider's name for it, e.g. e2-standard-2, m5.large, Standard_D2s_v3");
            type = null;
        }
        var vcpus = values.Number(Required(entry, "vcpus", "vcpus: 2", values.Diagnostics), 0, exclusiveMin: true);
        var memory = values.Number(Required(entry, "memoryGiB", "memoryGiB: 8", values.Diagnostics), 0, exclusiveMin: true);
        var source = Source(entry, values);

        var priceScalar = entry.Scalar("onDemandPerHour");
        var price = values.Number(priceScalar, 0, exclusiveMin: false);
        var homeLab = HomeLab(entry, values);
        if (priceScalar is not null && entry.Has("homeLab"))
            values.Error(priceScalar, "set either 'onDemandPerHour' or 'homeLab', not both", "a home-lab machine's price is worked out from its homeLab inputs");
        else if (priceScalar is null && !entry.Has("homeLab"))
            Missing(entry, "onDemandPerHour", "onDemandPerHour: 0.067006 (or homeLab: {...} for a machine you own)", values.Diagnostics);
        price ??= homeLab is null ? null : HomeLabCost.PerHour(homeLab);

        PublishedSplit? split = null;
        if (entry.Scalar("split") is { } splitScalar && values.Text(splitScalar) is { } family)
        {
            split = splits.GetValueOrDefault(family);
            if (split is null)
                values.Error(splitScalar, $"split '{family}' is not in spec.splits", splits.Count == 0 ? "add it under spec.splits" : Suggestions.Hint(family, [.. splits.Keys]));
            else if (price is { } p && vcpus is { } v && memory is { } m && Math.Abs(split.Rates.NodePerHour(v, m) - p) > SplitTolerance)
            {
                values.Error(priceScalar!, string.Create(CultureInfo.InvariantCulture,
                    $"onDemandPerHour {p} disagrees with the {family} split: {v} × {split.Rates.CpuPerCoreHour} + {m} × {split.Rates.MemoryPerGiBHour} = {split.Rates.NodePerHour(v, m):0.######}"),
                    "correct the price or the split, or remove 'split' to have the price split as OpenCost does");
            }
        }

        if (type is null || vcpus is null || memory is null || price is null || source is null) return null;
        return new NodeType(provider, type, region, vcpus.Value, memory.Value, price.Value, source, split, spot, homeLab, file);
    }

    private static HomeLabModel? HomeLab(FieldReader entry, ValueReader values)
    {
        if (entry.Mapping("homeLab", HomeLabFields) is not { } lab) return null;
        var d = values.Diagnostics;
        var capex = values.Number(Required(lab, "capex", "capex: 180", d), 0, exclusiveMin: false);
        var salvage = values.Number(lab.Scalar("salvage"), 0, exclusiveMin: false) ?? 0;
        var life = values.Number(Required(lab, "lifeYears", "lifeYears: 3", d), 0, exclusiveMin: true);
        var watts = values.Number(Required(lab, "averageWatts", "averageWatts: 12", d), 0, exclusiveMin: false);
        var kwh = values.Number(Required(lab, "pricePerKWh", "pricePerKWh: 0.17", d), 0, exclusiveMin: false);
        if (capex is { } c && salvage > c)
            values.Error(lab.Scalar("salvage")!, "salvage is more than the machine cost", "salvage is what it sells for at the end of its life, at most capex");
        if (capex is null || life is null || watts is null || kwh is null || salvage > capex) return null;
        return new HomeLabModel(capex.Value, salvage, life.Value, watts.Value, kwh.Value);
    }

    /// <summary>basis, source, date and note: where a price comes from. Derived prices and assumptions must say how in a note.</summary>
    private static PriceSource? Source(FieldReader reader, ValueReader values)
    {
        var d = values.Diagnostics;
        var basisScalar = Required(reader, "basis", "basis: published", d);
        var basisText = values.OneOf(basisScalar, Bases.Keys);
        var source = values.Text(Required(reader, "source", "source: \"cloud.google.com/compute/vm-instance-pricing\"", d));
        var dateScalar = Required(reader, "date", "date: \"2026-01\"", d);
        var date = values.Text(dateScalar);
        if (date is not null && !DatePattern().IsMatch(date))
        {
            values.Error(dateScalar!, $"'{date}' is not a date", "write when the price was read: 2026, 2026-01, 2026-01-15 or a range such as 2025..2026");
            date = null;
        }
        var note = values.Text(reader.Scalar("note"));
        if (basisText is "derived" or "assumption" && note is null)
        {
            d.Error(basisScalar!.Location, reader.PathOf("note"), $"a price with basis {basisText} needs a note saying how it was made",
                basisText == "derived" ? "e.g. note: \"8 × 0.021811 + 32 × 0.002923\"" : "e.g. note: \"2 × t3.medium; check the provider's price list\"");
        }
        if (basisText is null || source is null || date is null) return null;
        return new PriceSource(Bases[basisText], source, date, note);
    }

    /// <summary>The field's scalar, or null after reporting it missing with an example.</summary>
    private static Scalar? Required(FieldReader reader, string field, string example, DiagnosticBag diagnostics)
    {
        var scalar = reader.Scalar(field);
        if (scalar is null && !diagnostics.HasErrorFor(reader.PathOf(field))) Missing(reader, field, example, diagnostics);
        return scalar;
    }

    private static void Missing(FieldReader reader, string field, string example, DiagnosticBag diagnostics)
    {
        if (diagnostics.HasErrorFor(reader.PathOf(field))) return;
        diagnostics.Error(reader.Location, reader.PathOf(field), "required field is missing", $"e.g. {example}");
    }
}

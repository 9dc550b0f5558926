using Assay.Specs.Values;
using Assay.Specs.Yaml;

namespace Assay.Specs.Experiments;

/// <summary>
/// Turns an experiment file's YAML into <see cref="ExperimentDocument"/>: checks its structure (known fields,
/// mappings, lists and single values where each belongs) and keeps every value as written.
/// </summary>
internal static partial class ExperimentParser
{
    private static readonly string[] RootFields = ["apiVersion", "kind", "metadata", "spec"];
    private static readonly string[] MetadataFields = ["name", "labels"];
    private static readonly string[] SpecFields =
        ["title", "description", "tags", "hypothesis", "parameters", "trials", "placement", "variants", "components", "workload", "thresholds",
         "comparison", "cost", "slos"];
    private static readonly string[] HypothesisFields = ["claim", "questions", "focus", "successCriteria"];
    private static readonly string[] CriterionFields = ["metric", "operator", "value", "description", "variant", "baseline"];
    private static readonly string[] PlacementFields = ["loadGenerator", "components"];
    private static readonly string[] VariantFields = ["name", "components", "parameters"];
    private static readonly string[] ComponentFields = ["name", "uses", "replicas", "parameters", "resources", "links"];
    private static readonly string[] ResourceFields = ["cpus", "memory", "cpuset"];
    private static readonly string[] CommonWorkloadFields = ["driver", "target", "model", "warmUp", "duration", "timeout", "requests", "capacity"];
    private static readonly string[] WorkloadFields = [.. CommonWorkloadFields, .. Drivers.DriverSpecs.Blocks];
    private static readonly string[] ModelFields = ["type", "connections", "thinkTime", "rate", "maxConnections", "lagTolerance", "maxLateFraction"];
    private static readonly string[] ThinkTimeFields = ["min", "max"];
    private static readonly string[] RequestFields = ["name", "weight", "method", "path", "headers", "body", "expect"];

    public static ExperimentDocument? Parse(string file, string text, DiagnosticBag diagnostics)
    {
        var root = YamlReader.Read(file, text, diagnostics);
        if (root is null) return null;
        var document = FieldReader.Open(root, "", diagnostics, RootFields);
        if (document is null)
        {
            if (root is YamlScalar { IsNull: true })
                diagnostics.Error(root.Location, "", "the file has no content", "start with apiVersion: assay.dev/v1alpha1 and kind: Experiment");
            return null;
        }
        return new ExperimentDocument(
            document.Scalar("apiVersion"),
            document.Scalar("kind"),
            Metadata(document.Mapping("metadata", MetadataFields)),
            Spec(document.Mapping("spec", SpecFields)),
            "",
            document.Location);
    }

    private static MetadataSpec? Metadata(FieldReader? r) =>
        r is null ? null : new(r.Scalar("name"), r.ScalarMap("labels"), r.Path, r.Location);

    private static ExperimentSpec? Spec(FieldReader? r) => r is null ? null : new(
        r.Scalar("title"),
        r.Scalar("description"),
        r.ScalarList("tags"),
        Hypothesis(r.Mapping("hypothesis", HypothesisFields)),
        r.ScalarMap("parameters", allowNull: true),
        r.Scalar("trials"),
        Placement(r.Mapping("placement", PlacementFields)),
        r.MappingList("variants", VariantFields)?.Select(Variant).ToList(),
        r.MappingList("components", ComponentFields)?.Select(Component).ToList(),
        Workload(r.Mapping("workload", WorkloadFields)),
        Thresholds(r),
        Comparison(r.Mapping("comparison", ComparisonFields)),
        Cost(r.Mapping("cost", CostFields)),
        r.MappingList("slos", SloFields)?.Select(Slo).ToList(),
        r.Path,
        r.Location);

    private static HypothesisSpec? Hypothesis(FieldReader? r) => r is null ? null : new(
        r.Scalar("claim"),
        r.ScalarList("questions"),
        r.ScalarList("focus"),
        r.MappingList("successCriteria", CriterionFields)?
            .Select(c => new SuccessCriterionSpec(
                c.Scalar("metric"), c.Scalar("operator"), c.Scalar("value"), c.Scalar("description"), c.Scalar("variant"), c.Scalar("baseline"), c.Path, c.Location))
            .ToList(),
        r.Path,
        r.Location);

    private static PlacementSpec? Placement(FieldReader? r) =>
        r is null ? null : new(r.Scalar("loadGenerator"), r.Scalar("components"), r.Path, r.Location);

    private static VariantSpec Variant(FieldReader r) =>
        new(r.Scalar("name"), r.MappingList("components", ComponentFields)?.Select(Component).ToList(), r.ScalarMap("parameters"), r.Path, r.Location);

    private static ComponentSpec Component(FieldReader r)
    {
        var resources = r.Mapping("resources", ResourceFields);
        return new(
            r.Scalar("name"),
            r.Scalar("uses"),
            r.Scalar("replicas"),
            r.ScalarMap("parameters"),
            resources is null ? null : new(resources.Scalar("cpus"), resources.Scalar("memory"), resources.Scalar("cpuset"), resources.Path, resources.Location),
            r.ScalarMap("links"),
            r.Path,
            r.Location);
    }

    private static WorkloadSpec? Workload(FieldReader? r) => r is null ? null : new(
        r.Scalar("driver"),
        r.Scalar("target"),
        Model(r.Mapping("model", ModelFields)),
        r.Scalar("warmUp"),
        r.Scalar("duration"),
        r.Scalar("timeout"),
        r.MappingList("requests", RequestFields)?.Select(Request).ToList(),
        Blocks(r),
        Capacity(r.Mapping("capacity", CapacityFields)),
        r.Path,
        r.Location);

    private static Dictionary<string, DriverBlockSpec> Blocks(FieldReader workload)
    {
        var blocks = new Dictionary<string, DriverBlockSpec>(StringComparer.Ordinal);
        foreach (var name in Drivers.DriverSpecs.Blocks)
        {
            if (workload.Node(name) is { } node && node is not YamlScalar { IsNull: true })
                blocks[name] = new DriverBlockSpec(node, workload.PathOf(name), node.Location);
        }
        return blocks;
    }

    private static LoadModelSpec? Model(FieldReader? r) => r is null ? null : new(
        r.Scalar("type"),
        r.Scalar("connections"),
        ThinkTime(r),
        r.Scalar("rate"),
        r.Scalar("maxConnections"),
        r.Scalar("lagTolerance"),
        r.Scalar("maxLateFraction"),
        r.Path,
        r.Location);

    private static ThinkTimeSpec? ThinkTime(FieldReader model)
    {
        if (model.Node("thinkTime") is YamlMapping)
        {
            var range = model.Mapping("thinkTime", ThinkTimeFields)!;
            return new(null, range.Scalar("min"), range.Scalar("max"), range.Path, range.Location);
        }
        var single = model.Scalar("thinkTime");
        return single is null ? null : new(single, null, null, single.FieldPath, single.Location);
    }

    private static RequestSpec Request(FieldReader r) => new(
        r.Scalar("name"),
        r.Scalar("weight"),
        r.Scalar("method"),
        r.Scalar("path"),
        r.ScalarMap("headers"),
        r.Scalar("body"),
        r.ScalarList("expect", allowSingle: true),
        r.Path,
        r.Location);

    private static List<ThresholdSpec>? Thresholds(FieldReader spec)
    {
        // Keys are metric names the user chooses, so any key is accepted here; the resolver checks them.
        if (spec.Mapping("thresholds", allowed: null) is not { } thresholds) return null;
        var result = new List<ThresholdSpec>();
        foreach (var key in thresholds.Keys)
        {
            var expressions = thresholds.ScalarList(key.Value, allowSingle: true);
            if (expressions is null) continue;
            var path = thresholds.PathOf(key.Value);
            result.Add(new ThresholdSpec(Scalar.From(key, path), expressions, path, key.Location));
        }
        return result;
    }
}

using Assay.Specs.Yaml;

namespace Assay.Specs.Experiments;

internal static partial class ExperimentParser
{
    private static readonly string[] ComparisonFields = ["baseline", "margin", "confidence"];
    private static readonly string[] CostFields = ["node", "market", "allocation", "projection", "custom"];
    private static readonly string[] ProjectionFields = ["rate"];
    private static readonly string[] CustomPriceFields = ["cpuPerVcpuHour", "memoryPerGiBHour", "vcpus", "memoryGiB"];
    private static readonly string[] SloFields = ["name", "kind", "objective", "threshold", "operation"];
    private static readonly string[] CapacityFields = ["slo", "start", "max", "precision", "stepDuration"];

    private static ComparisonSpec? Comparison(FieldReader? r) =>
        r is null ? null : new(r.Scalar("baseline"), r.Scalar("margin"), r.Scalar("confidence"), r.Path, r.Location);

    private static CostSpec? Cost(FieldReader? r)
    {
        if (r is null) return null;
        var projection = r.Mapping("projection", ProjectionFields);
        var custom = r.Mapping("custom", CustomPriceFields);
        return new(
            r.Scalar("node"),
            r.Scalar("market"),
            r.Scalar("allocation"),
            projection is null ? null : new(projection.Scalar("rate"), projection.Path, projection.Location),
            custom is null
                ? null
                : new(custom.Scalar("cpuPerVcpuHour"), custom.Scalar("memoryPerGiBHour"), custom.Scalar("vcpus"), custom.Scalar("memoryGiB"),
                    custom.Path, custom.Location),
            r.Path,
            r.Location);
    }

    private static SloSpec Slo(FieldReader r) =>
        new(r.Scalar("name"), r.Scalar("kind"), r.Scalar("objective"), r.Scalar("threshold"), r.Scalar("operation"), r.Path, r.Location);

    private static CapacitySpec? Capacity(FieldReader? r) => r is null ? null : new(
        r.Scalar("slo"), r.Scalar("start"), r.Scalar("max"), r.Scalar("precision"), r.Scalar("stepDuration"), r.Path, r.Location);
}

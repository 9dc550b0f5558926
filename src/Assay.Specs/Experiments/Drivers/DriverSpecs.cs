namespace Assay.Specs.Experiments.Drivers;

/// <summary>
/// Every driver whose settings the experiment file can hold. HTTP is resolved by the resolver itself
/// (its settings are the workload's <c>requests</c>); each other driver adds one line here.
/// </summary>
internal static class DriverSpecs
{
    public static IReadOnlyList<DriverSpec> All { get; } =
    [
        new SqlDriverSpec(),
        new KvDriverSpec(),
        new PubSubDriverSpec(),
        new MetricsIngestDriverSpec(),
        new LogsIngestDriverSpec(),
    ];

    /// <summary>The block names drivers read under <c>workload</c>.</summary>
    public static IReadOnlyList<string> Blocks { get; } = [.. All.Select(d => d.Block).OfType<string>()];

    public static DriverSpec? Find(string driver) => All.FirstOrDefault(d => d.Driver == driver);
}

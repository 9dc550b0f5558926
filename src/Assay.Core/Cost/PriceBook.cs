using System.Globalization;

namespace Assay.Core.Cost;

/// <summary>How far a price can be trusted: read from a price list, worked out from one by a documented rule, or assumed.</summary>
public enum PriceBasis
{
    /// <summary>Read from the provider's price list (or a reference quoting it).</summary>
    Published,
    /// <summary>Worked out from published prices by a rule the provider documents (GCP's per-vCPU and per-GiB E2 prices).</summary>
    Derived,
    /// <summary>Not verified against the provider: a value to check before relying on it.</summary>
    Assumption,
}

/// <summary>Where a price comes from and when it was read; every price of the book carries one.</summary>
/// <param name="Source">The document the price was read from, or how it was worked out.</param>
/// <param name="Date">When it was read: <c>2025</c>, <c>2025-06</c>, <c>2025-06-01</c> or a range such as <c>2025..2026</c>.</param>
/// <param name="Note">Why the price is what it is, when that is not obvious (a derivation, what to verify).</param>
public sealed record PriceSource(PriceBasis Basis, string Source, string Date, string? Note = null)
{
    /// <summary>"source, date" with the basis when it is not a published price, for assumption texts.</summary>
    public string Describe()
    {
        var label = Basis switch
        {
            PriceBasis.Published => "",
            PriceBasis.Derived => "; derived",
            _ => "; an assumption to verify",
        };
        var note = Note is null ? "" : $": {Note}";
        return Basis == PriceBasis.Published && Note is null ? $"{Source}, {Date}" : $"{Source}, {Date}{label}{note}";
    }
}

/// <summary>Prices per resource: US dollars per core-hour (one vCPU for an hour) and per GiB-hour.</summary>
public sealed record ResourceRates(double CpuPerCoreHour, double MemoryPerGiBHour)
{
    /// <summary>What a node of this size costs an hour at these rates.</summary>
    public double NodePerHour(double vcpus, double memoryGiB) => vcpus * CpuPerCoreHour + memoryGiB * MemoryPerGiBHour;

    public ResourceRates Times(double factor) => new(CpuPerCoreHour * factor, MemoryPerGiBHour * factor);

    public override string ToString() =>
        $"{CostText.Dollars(CpuPerCoreHour)}/vCPU-h, {CostText.Dollars(MemoryPerGiBHour)}/GiB-h";
}

/// <summary>A provider's own per-vCPU and per-GiB prices for a machine family (GCP publishes them for E2).</summary>
public sealed record PublishedSplit(string Family, ResourceRates Rates, PriceSource Source);

/// <summary>Spot price as a fraction of on-demand. Spot prices move, so the book keeps a ratio, labelled an assumption.</summary>
public sealed record SpotRatio(double Ratio, PriceSource Source);

/// <summary>The inputs of a home-lab machine's hourly price (see <see cref="HomeLabCost"/>); all editable in the book.</summary>
/// <param name="Capex">Purchase price in US dollars.</param>
/// <param name="Salvage">What the machine sells for at the end of its life.</param>
/// <param name="LifeYears">Years it is used before replacement.</param>
/// <param name="AverageWatts">Average power draw at the wall.</param>
/// <param name="PricePerKWh">Electricity price in US dollars per kWh.</param>
public sealed record HomeLabModel(double Capex, double Salvage, double LifeYears, double AverageWatts, double PricePerKWh);

/// <summary>
/// One node type of the price book: its size, its on-demand hourly price with the price's source, and what
/// else the book knows (the provider's own split, a spot ratio, the home-lab inputs the price came from).
/// </summary>
/// <param name="OnDemandPerHour">US dollars per hour; for a home-lab machine, computed from <see cref="HomeLab"/>.</param>
/// <param name="SourceFile">The price book file it was read from, for messages.</param>
public sealed record NodeType(
    string Provider,
    string Type,
    string Region,
    double Vcpus,
    double MemoryGiB,
    double OnDemandPerHour,
    PriceSource Price,
    PublishedSplit? Split,
    SpotRatio? Spot,
    HomeLabModel? HomeLab,
    string SourceFile)
{
    /// <summary>How experiments name it: <c>gcp/e2-standard-4</c>.</summary>
    public string Key => $"{Provider}/{Type}";

    /// <summary>"4 vCPU, 16 GiB, us-central1".</summary>
    public string Size => string.Create(CultureInfo.InvariantCulture, $"{Vcpus:0.##} vCPU, {MemoryGiB:0.##} GiB, {Region}");
}

/// <summary>The node types Assay can price, by <c>provider/type</c> (loaded from <c>pricing/</c> by the Specs loader).</summary>
public sealed class PriceBook
{
    private readonly Dictionary<string, NodeType> _byKey;

    /// <exception cref="ArgumentException">Two node types have the same key.</exception>
    public PriceBook(IEnumerable<NodeType> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        Nodes = [.. nodes.OrderBy(n => n.Key, StringComparer.Ordinal)];
        _byKey = new Dictionary<string, NodeType>(StringComparer.Ordinal);
        foreach (var node in Nodes)
        {
            if (!_byKey.TryAdd(node.Key, node))
                throw new ArgumentException($"Node type '{node.Key}' is priced twice ({_byKey[node.Key].SourceFile} and {node.SourceFile}).", nameof(nodes));
        }
    }

    public static PriceBook Empty { get; } = new([]);

    /// <summary>Every node type, ordered by key.</summary>
    public IReadOnlyList<NodeType> Nodes { get; }

    /// <summary>Every key, in order, plus <c>custom</c>: what an experiment's <c>cost.node</c> may say.</summary>
    public IReadOnlyList<string> Keys => [.. Nodes.Select(n => n.Key), CostPlan.CustomNode];

    public NodeType? Find(string key) => _byKey.GetValueOrDefault(key);
}

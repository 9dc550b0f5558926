using Assay.Core.Cost;

namespace Assay.Specs.Experiments;

/// <summary>What the command line adds to an experiment file when it is loaded to run.</summary>
/// <param name="Parameters">Values for the file's parameters (<c>--param name=value</c>); they win over its defaults.</param>
/// <param name="Duration">Replaces <c>spec.workload.duration</c> (<c>--duration</c>).</param>
/// <param name="Trials">Replaces <c>spec.trials</c> (<c>--trials</c>).</param>
public sealed record ResolveOptions(IReadOnlyDictionary<string, string> Parameters, TimeSpan? Duration = null, int? Trials = null)
{
    /// <summary>The file as it is: no parameters, no overrides.</summary>
    public static ResolveOptions None { get; } = new(new Dictionary<string, string>());

    /// <summary>
    /// The price book <c>spec.cost.node</c> is looked up in (loaded from <c>pricing/</c> by
    /// <see cref="Pricing.PriceBookLoader"/>, as the catalog is from <c>catalog/</c>). Null when none was loaded:
    /// a node of the book is then an error, while <c>node: custom</c> still resolves.
    /// </summary>
    public PriceBook? Prices { get; init; }
}

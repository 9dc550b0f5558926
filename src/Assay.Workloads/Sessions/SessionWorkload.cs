using Assay.Core.Plans;

namespace Assay.Workloads.Sessions;

/// <summary>What the session engine runs: the operations and their weights, the notes drivers count, the model and the timeline.</summary>
/// <param name="Operations">Operation names, as results show them (<c>get</c>, <c>set</c>, <c>transaction</c>).</param>
/// <param name="Weights">Each operation's weight in the mix, in the same order.</param>
/// <param name="Notes">Names of the counts a session's outcomes may carry (<c>hits</c>, <c>misses</c>), kept for the window only.</param>
/// <param name="Seed">Seeds each connection's random choices (seed + connection index).</param>
internal sealed record SessionWorkload(
    IReadOnlyList<string> Operations,
    IReadOnlyList<double> Weights,
    IReadOnlyList<string> Notes,
    LoadModel Model,
    TimeSpan WarmUp,
    TimeSpan Duration,
    string Unit,
    int Seed)
{
    /// <summary>Connections: the closed model's count, or the open model's pool.</summary>
    public int Connections => Model switch
    {
        ClosedModel closed => closed.Connections,
        OpenModel open => open.MaxConnections,
        _ => throw new NotSupportedException($"The load model {Model.GetType().Name} is not known to the session engine."),
    };
}

namespace Assay.Engine.Storage;

/// <summary>
/// A run id prefix matched several runs. The message lists the candidates so the user can type a
/// longer prefix; <see cref="Candidates"/> holds them for a caller that wants to offer a choice.
/// </summary>
public sealed class AmbiguousRunIdException : Exception
{
    public AmbiguousRunIdException(string prefix, IReadOnlyList<string> candidates, bool more)
        : base(Describe(prefix, candidates, more))
    {
        Prefix = prefix;
        Candidates = candidates;
    }

    public string Prefix { get; }

    /// <summary>Matching run ids in id order; at most the first few when <c>more</c> was set.</summary>
    public IReadOnlyList<string> Candidates { get; }

    private static string Describe(string prefix, IReadOnlyList<string> candidates, bool more)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var list = string.Join(", ", candidates) + (more ? ", …" : "");
        return $"Run id prefix '{prefix}' matches several runs: {list}. Type more of the id to choose one.";
    }
}

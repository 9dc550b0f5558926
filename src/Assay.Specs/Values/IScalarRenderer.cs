namespace Assay.Specs.Values;

/// <summary>A scalar's text after placeholders are substituted, and whether YAML's core schema may type it.</summary>
internal sealed record RenderedScalar(string Text, bool IsPlain);

/// <summary>Substitutes placeholders in a scalar before it is converted; experiment parameters do.</summary>
internal interface IScalarRenderer
{
    /// <summary>
    /// The rendered scalar; null after reporting an error, or with <paramref name="deferred"/> set when a
    /// value it needs is not known yet (validation without <c>--param</c>).
    /// </summary>
    RenderedScalar? Render(Scalar scalar, DiagnosticBag diagnostics, ref bool deferred);
}

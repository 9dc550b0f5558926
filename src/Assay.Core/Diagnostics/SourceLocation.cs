namespace Assay.Core.Diagnostics;

/// <summary>A position in a file the user wrote; line and column are 1-based.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

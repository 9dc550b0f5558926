using Assay.Core.Diagnostics;

namespace Assay.Specs.Values;

/// <summary>Finds where the n-th <c>${…}</c> placeholder of a scalar is in the file, for errors that point at it.</summary>
internal static class Placeholders
{
    /// <summary>The position of placeholder <paramref name="index"/> (0-based, in order of appearance), or the scalar's start.</summary>
    public static SourceLocation Locate(Scalar scalar, int index)
    {
        var raw = scalar.Raw;
        var seen = 0;
        var i = 0;
        // The same scan as Core's Template: "$${" is a literal, "${" opens a placeholder when a "}" follows.
        while (i < raw.Length)
        {
            if (raw[i] == '$' && i + 2 < raw.Length && raw[i + 1] == '$' && raw[i + 2] == '{')
            {
                i += 3;
                continue;
            }
            if (raw[i] == '$' && i + 1 < raw.Length && raw[i + 1] == '{' && raw.IndexOf('}', i + 2) > i + 2)
            {
                if (seen == index) return Offset(scalar.Location, raw, i);
                seen++;
                i = raw.IndexOf('}', i + 2) + 1;
                continue;
            }
            i++;
        }
        return scalar.Location;
    }

    private static SourceLocation Offset(SourceLocation start, string raw, int offset)
    {
        var lastNewline = raw.LastIndexOf('\n', Math.Max(0, offset - 1));
        if (lastNewline < 0 || offset == 0) return start with { Column = start.Column + offset };
        var lines = raw.AsSpan(0, offset).Count('\n');
        return start with { Line = start.Line + lines, Column = offset - lastNewline };
    }
}

using Assay.Testing;

namespace Assay.Cli.Tests;

/// <summary>
/// Compares console output, line ends trimmed, with a file under golden/ (<see cref="GoldenFile"/>).
/// </summary>
internal static class Golden
{
    public static void Match(string name, string actual)
    {
        var normalized = string.Join('\n', actual.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).TrimEnd() + "\n";
        GoldenFile.Match(normalized, "tests", "Assay.Cli.Tests", "golden", name);
    }
}

namespace Assay.Runtimes.Local.Tests.Catalog;

/// <summary>
/// Processes still working in a folder: every instance runs with its instance folder as working directory,
/// and the children it forks (nginx's workers) inherit it, so a process left behind by a stop shows here.
/// </summary>
internal static class Leftovers
{
    public static IReadOnlyList<string> ProcessesUnder(string folder)
    {
        var found = new List<string>();
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid)) continue;
            try
            {
                var cwd = new DirectoryInfo(Path.Combine(proc, "cwd")).LinkTarget;
                if (cwd is not null && cwd.StartsWith(folder, StringComparison.Ordinal))
                    found.Add($"{pid} ({File.ReadAllText(Path.Combine(proc, "comm")).Trim()})");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone while we looked, or not ours to read.
            }
        }
        return found;
    }

    /// <summary>Asserts the folder is gone and no process works in it any more (stops may take a moment).</summary>
    public static async Task AssertNoneAsync(string folder)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        IReadOnlyList<string> left;
        while ((left = ProcessesUnder(folder)).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(left.Count == 0, $"left running in {folder}: {string.Join(", ", left)}");
        Assert.False(Directory.Exists(folder), $"{folder} is still there");
    }
}

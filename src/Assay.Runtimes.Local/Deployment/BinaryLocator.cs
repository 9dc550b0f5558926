using Assay.Core.Catalog;
using Assay.Core.Templates;

namespace Assay.Runtimes.Local.Deployment;

/// <summary>Finds the executable of a catalog entry: an absolute path, or a name on PATH and the entry's search paths.</summary>
public static class BinaryLocator
{
    // Root's PATH usually has the sbin folders, a service account's does not; servers live there.
    private static readonly string[] SystemDirectories = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    /// <summary>The command with <c>${root}</c> filled in, as it will be looked up.</summary>
    public static string Expand(BinaryRequirement binary, string root)
    {
        ArgumentNullException.ThrowIfNull(binary);
        return Template.Render(binary.Command, name => name == TemplateVariables.Root ? root : null, out _);
    }

    /// <summary>The full path of the executable, or null when it is not installed (or not built).</summary>
    public static string? Find(BinaryRequirement binary, string root)
    {
        ArgumentNullException.ThrowIfNull(binary);
        return Find(binary.Command, binary.SearchPaths, root);
    }

    /// <summary>A command (path or name, <c>${root}</c> allowed) found on PATH, in the search paths or the system folders.</summary>
    public static string? Find(string commandTemplate, IReadOnlyList<string> searchPaths, string root)
    {
        var command = Template.Render(commandTemplate, name => name == TemplateVariables.Root ? root : null, out _);
        if (command.Contains('/', StringComparison.Ordinal))
            return IsExecutable(command) ? Path.GetFullPath(command) : null;

        var path = Environment.GetEnvironmentVariable("PATH")?.Split(':', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return path.Concat(searchPaths).Concat(SystemDirectories)
            .Select(directory => Path.Combine(directory, command))
            .FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string file) =>
        File.Exists(file) && (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}

namespace Assay.Cli.Infrastructure;

/// <summary>
/// Where an experiment argument points: a path as given (relative to the working directory), else the
/// same path under the installation root, else a shipped experiment by name (<c>hello-app</c>).
/// </summary>
internal static class ExperimentPaths
{
    public static string Resolve(string argument, LabPaths paths)
    {
        if (File.Exists(argument) || Directory.Exists(argument)) return argument;
        var underRoot = Path.Combine(paths.Root, argument);
        if (File.Exists(underRoot) || Directory.Exists(underRoot)) return underRoot;
        var shipped = Path.Combine(paths.Experiments, argument);
        return Directory.Exists(shipped) ? shipped : argument;
    }
}

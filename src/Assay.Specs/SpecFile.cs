namespace Assay.Specs;

/// <summary>Reads a file the user named, turning "not there" and "not readable" into diagnostics.</summary>
internal static class SpecFile
{
    public static string? TryRead(string file, string what, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!File.Exists(file))
        {
            var folder = Path.GetDirectoryName(file);
            var hint = folder is { Length: > 0 } && Directory.Exists(folder) && Path.GetFileName(file) == "experiment.yaml"
                ? $"the folder '{folder}' has no experiment.yaml"
                : "check the path";
            diagnostics.Error(null, "", $"{what} file '{file}' not found", hint);
            return null;
        }
        try
        {
            // Files are small (a few KB); reading synchronously keeps the loaders simple to call from anywhere.
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(null, "", $"cannot read {what} file '{file}': {e.Message}");
            return null;
        }
    }
}

using System.Diagnostics;

namespace Assay.Runtimes.Local.Deployment;

/// <summary>Gives folders to the system user a server runs as (PostgreSQL will not use a data folder it does not own).</summary>
internal static class Ownership
{
    /// <summary>True when every folder from the root down to <paramref name="directory"/> lets other users pass.</summary>
    public static bool OthersCanReach(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (!current.Exists) continue;
            if ((File.GetUnixFileMode(current.FullName) & UnixFileMode.OtherExecute) == 0) return false;
        }
        return true;
    }

    public static void GiveTo(string user, params string[] directories)
    {
        var info = new ProcessStartInfo("chown") { RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-R");
        info.ArgumentList.Add($"{user}:");
        foreach (var directory in directories) info.ArgumentList.Add(directory);
        using var chown = Process.Start(info) ?? throw new InvalidOperationException("chown did not start");
        var error = chown.StandardError.ReadToEnd();
        chown.WaitForExit();
        if (chown.ExitCode != 0)
            throw new Engine.Runtime.DeploymentFailedException(
                $"cannot give {string.Join(", ", directories)} to user '{user}': {error.Trim()} (is the package that creates the user installed?)");
    }
}

using Assay.Runtimes.Local.Load;

namespace Assay.Cli.Composition;

/// <summary>How to start this program again as a load generator (<c>assay loadgen &lt;request&gt;</c>).</summary>
internal static class ThisProgram
{
    public static LoadGeneratorCommand LoadGenerator()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var assembly = typeof(ThisProgram).Assembly.Location;
        // Started through the apphost, the program is the command; through `dotnet`, pass the assembly.
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? new LoadGeneratorCommand(process, [assembly, "loadgen"])
            : new LoadGeneratorCommand(process, ["loadgen"]);
    }
}

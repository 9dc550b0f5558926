using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Reporting.Adr;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay adr</c>: drafts the next numbered architecture decision record from a run's evidence. Never overwrites
/// a file; names a winner only when the evidence does.
/// </summary>
internal sealed class AdrCommand(IAnsiConsole console, TimeProvider time) : AsyncCommand<AdrSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AdrSettings settings, CancellationToken cancellationToken)
    {
        await using var lab = Lab.Open(settings.StateDirectory, time);
        var (store, _) = await lab.OpenStoreAsync(cancellationToken);
        if (await StoredRuns.FindCompletedAsync(store, settings.Run, console, cancellationToken) is not { Result: { } result } run)
            return ExitCodes.InvalidInput;

        var directory = Path.GetFullPath(settings.Directory);
        Directory.CreateDirectory(directory);
        var number = AdrNumbering.Next(Directory.EnumerateFiles(directory, "*.md"));
        var path = Path.Combine(directory, AdrNumbering.FileName(number, result.Title));
        // The report sits in the run's folder; a relative link keeps working when the repository moves.
        var report = Path.Combine(Path.GetFullPath(run.Directory), "report.html");
        var link = Path.GetRelativePath(directory, report).Replace(Path.DirectorySeparatorChar, '/');
        var text = AdrDraft.Render(result, new AdrContext(number, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), link));
        try
        {
            // CreateNew: a file written between numbering and now is never overwritten.
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            await using var writer = new StreamWriter(file);
            await writer.WriteAsync(text.AsMemory(), cancellationToken);
        }
        catch (IOException) when (File.Exists(path))
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(path)} already exists; it is left as it is. Run the command again for the next number");
            return ExitCodes.InvalidInput;
        }
        console.MarkupLine($"wrote [blue]{Markup.Escape(Path.GetRelativePath(System.IO.Directory.GetCurrentDirectory(), path))}[/] (status proposed): review it, then commit it");
        return ExitCodes.Passed;
    }
}

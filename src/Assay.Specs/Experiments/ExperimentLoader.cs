using Assay.Core.Cost;
using Assay.Core.Plans;
using Assay.Specs.Catalogs;

namespace Assay.Specs.Experiments;

/// <summary>Entry points for experiment files: load one to run it, or validate it.</summary>
public static class ExperimentLoader
{
    /// <summary>The file looked for when a folder is given.</summary>
    public const string FileName = "experiment.yaml";

    /// <summary>The file a path names: the path itself, or <c>experiment.yaml</c> inside it when it is a folder.</summary>
    public static string FilePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Directory.Exists(path) ? Path.Combine(path, FileName) : path;
    }

    /// <summary>Reads, validates and resolves an experiment for a run. The plan is null when any error was found.</summary>
    /// <param name="path">The file, or a folder holding <c>experiment.yaml</c>; diagnostics name it as given.</param>
    public static SpecOutcome<ExperimentPlan> Load(string path, ResolveOptions options, Catalog catalog, CancellationToken cancellationToken = default)
    {
        var file = FilePath(path);
        var diagnostics = new DiagnosticBag();
        return SpecFile.TryRead(file, "experiment", diagnostics, cancellationToken) is { } text
            ? LoadText(file, text, options, catalog)
            : SpecOutcome<ExperimentPlan>.From(null, diagnostics);
    }

    /// <summary>Like <see cref="Load"/>, from text already read; <paramref name="file"/> is only used in diagnostics and the plan's source.</summary>
    public static SpecOutcome<ExperimentPlan> LoadText(string file, string text, ResolveOptions options, Catalog catalog)
    {
        var diagnostics = new DiagnosticBag();
        var document = ExperimentParser.Parse(file, text, diagnostics);
        var plan = document is null
            ? null
            : ExperimentResolver.Resolve(document, catalog, options, new ExperimentSource(file, text), requireParameters: true, diagnostics);
        return SpecOutcome<ExperimentPlan>.From(plan, diagnostics);
    }

    /// <summary>
    /// Checks an experiment file as far as possible without running it (<c>assay validate</c>): defaults apply,
    /// and a parameter without default is not an error; values that use it are checked once it has a value.
    /// The value is the parsed file when no error was found.
    /// </summary>
    public static SpecOutcome<ExperimentDocument> Validate(string path, Catalog catalog, CancellationToken cancellationToken = default) =>
        Validate(path, catalog, null, cancellationToken);

    /// <summary>Like <see cref="Validate(string, Catalog, CancellationToken)"/>, checking <c>spec.cost</c> against a price book.</summary>
    /// <param name="prices">The price book; null when none was loaded (a node of the book is then an error).</param>
    public static SpecOutcome<ExperimentDocument> Validate(string path, Catalog catalog, PriceBook? prices, CancellationToken cancellationToken = default)
    {
        var file = FilePath(path);
        var diagnostics = new DiagnosticBag();
        return SpecFile.TryRead(file, "experiment", diagnostics, cancellationToken) is { } text
            ? ValidateText(file, text, catalog, prices)
            : SpecOutcome<ExperimentDocument>.From(null, diagnostics);
    }

    public static SpecOutcome<ExperimentDocument> ValidateText(string file, string text, Catalog catalog, PriceBook? prices = null)
    {
        var diagnostics = new DiagnosticBag();
        var document = ExperimentParser.Parse(file, text, diagnostics);
        if (document is not null)
        {
            var options = ResolveOptions.None with { Prices = prices };
            ExperimentResolver.Resolve(document, catalog, options, new ExperimentSource(file, text), requireParameters: false, diagnostics);
        }
        return SpecOutcome<ExperimentDocument>.From(document, diagnostics);
    }
}

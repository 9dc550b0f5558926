using Assay.Core.Catalog;
using Assay.Core.Diagnostics;
using Assay.Core.Plans;
using Assay.Specs.Catalogs;
using Assay.Specs.Experiments;

namespace Assay.Specs.Tests;

/// <summary>A catalog and a valid experiment to vary, and helpers to load YAML text and find diagnostics.</summary>
internal static class Fixtures
{
    public const string File = "experiment.yaml";

    /// <summary>A catalog entry with two ports and parameters, for the checks the shipped entries cannot exercise.</summary>
    public const string KvStoreEntry = """
        apiVersion: assay.dev/v1alpha1
        kind: CatalogEntry
        metadata:
          name: kv-store
        spec:
          binary:
            command: kv-server
            package: kv-server
          ports: [client, admin]
          start:
            args: ["--port", "${port.client}", "--admin", "${port.admin}", "--threads", "${param.threads}"]
          readiness:
            tcp: {port: client}
          parameters:
            threads: "2"
            mode: fast
        """;

    /// <summary>A valid single-variant experiment; tests replace parts of it. Line numbers matter to some tests.</summary>
    public const string Minimal = """
        apiVersion: assay.dev/v1alpha1
        kind: Experiment
        metadata:
          name: test
        spec:
          components:
            - name: web
              uses: demo-app
          workload:
            driver: http
            target: web
            model:
              type: closed
              connections: 4
            duration: 10s
            requests:
              - path: /
        """;

    private static readonly Lazy<Catalog> LazyCatalog = new(() =>
    {
        var kv = CatalogLoader.LoadEntry("catalog/kv-store.yaml", KvStoreEntry);
        var entry = kv.Value ?? throw new InvalidOperationException(string.Join(Environment.NewLine, kv.Diagnostics));
        return new Catalog([.. RepoFiles.Catalog.Entries, entry]);
    });

    public static Catalog Catalog => LazyCatalog.Value;

    public static CatalogEntry Entry(string name) => Catalog.Find(name) ?? throw new InvalidOperationException($"no test entry {name}");

    public static SpecOutcome<ExperimentPlan> Load(
        string yaml, IReadOnlyDictionary<string, string>? parameters = null, TimeSpan? duration = null, int? trials = null) =>
        ExperimentLoader.LoadText(File, yaml,
            new ResolveOptions(parameters ?? new Dictionary<string, string>(), duration, trials) { Prices = RepoFiles.PriceBook }, Catalog);

    public static SpecOutcome<ExperimentDocument> Validate(string yaml) => ExperimentLoader.ValidateText(File, yaml, Catalog, RepoFiles.PriceBook);

    /// <summary>The plan, failing the test with every diagnostic when there is none.</summary>
    public static ExperimentPlan Plan(string yaml, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var outcome = Load(yaml, parameters);
        Assert.True(outcome.Value is not null, "expected a plan, got:" + Environment.NewLine + Lines(outcome.Diagnostics));
        Assert.Empty(outcome.Diagnostics);
        return outcome.Value!;
    }

    public static HttpWorkloadPlan Http(ExperimentPlan plan) => Assert.IsType<HttpWorkloadPlan>(plan.Variants[0].Workload);

    /// <summary>The one error on <paramref name="fieldPath"/> whose message contains <paramref name="message"/>.</summary>
    public static Diagnostic Error<T>(SpecOutcome<T> outcome, string fieldPath, string message) where T : class
    {
        Assert.Null(outcome.Value);
        var matches = outcome.Diagnostics.Where(d => d.IsError && d.FieldPath == fieldPath && d.Message.Contains(message, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1,
            $"expected one error on '{fieldPath}' containing '{message}', found {matches.Count} in:" + Environment.NewLine + Lines(outcome.Diagnostics));
        return matches[0];
    }

    public static void At(Diagnostic diagnostic, int line, int column)
    {
        Assert.NotNull(diagnostic.Location);
        Assert.Equal((line, column), (diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    public static string Lines(IEnumerable<Diagnostic> diagnostics) => string.Join(Environment.NewLine, diagnostics);

    /// <summary>Replaces one exact piece of <see cref="Minimal"/>, failing loudly when the piece is not there.</summary>
    public static string Replace(string yaml, string piece, string replacement)
    {
        Assert.Contains(piece, yaml, StringComparison.Ordinal);
        return yaml.Replace(piece, replacement, StringComparison.Ordinal);
    }
}

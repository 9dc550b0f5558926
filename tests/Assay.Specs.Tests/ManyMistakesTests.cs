using Assay.Specs.Experiments;

namespace Assay.Specs.Tests;

/// <summary>One file with a mistake on almost every line: every one is reported at once, each where it is.</summary>
public class ManyMistakesTests
{
    // (line, column, field path) of each mistake in golden/many-mistakes.experiment.yaml, worked out by hand.
    private static readonly (int Line, int Column, string Path)[] Expected =
    [
        (2, 13, "apiVersion"),
        (5, 9, "metadata.name"),
        (7, 3, "spec.titel"),
        (8, 9, "spec.tags"),
        (9, 11, "spec.trials"),
        (14, 17, "spec.placement.components"),
        (19, 17, "spec.variants[0].components[0].uses"),
        (20, 21, "spec.variants[0].components[0].replicas"),
        (21, 29, "spec.variants[0].components[0].resources.cpus"),
        (21, 40, "spec.variants[0].components[0].resources.memory"),
        (22, 13, "spec.variants[1].name"),
        (26, 24, "spec.variants[1].components[0].parameters.threads"),
        (29, 5, "spec.workload.driver"),
        (30, 13, "spec.workload.target"),
        (33, 20, "spec.workload.model.connections"),
        (34, 33, "spec.workload.model.thinkTime.max"),
        (35, 13, "spec.workload.model.rate"),
        (36, 13, "spec.workload.warmUp"),
        (37, 15, "spec.workload.duration"),
        (38, 14, "spec.workload.timeout"),
        (41, 17, "spec.workload.requests[0].method"),
        (42, 15, "spec.workload.requests[0].path"),
        (43, 23, "spec.workload.requests[0].expect[1]"),
        (44, 15, "spec.workload.requests[1].name"),
        (46, 17, "spec.workload.requests[1].weight"),
        (48, 5, "spec.thresholds.http_req_duraton"),
        (49, 5, "spec.thresholds.http_req_duration{request:ech}"),
        (50, 14, "spec.thresholds.errors[0]"),
    ];

    [Fact]
    public void Every_mistake_is_reported_at_once_at_its_line_and_column()
    {
        var file = "tests/Assay.Specs.Tests/golden/many-mistakes.experiment.yaml";
        var outcome = ExperimentLoader.LoadText(file, File.ReadAllText(RepoFiles.PathOf(file)), ResolveOptions.None, Fixtures.Catalog);
        Assert.Null(outcome.Value);
        Assert.All(outcome.Diagnostics, d => Assert.True(d.IsError));
        var actual = outcome.Diagnostics.Select(d => (d.Location!.Line, d.Location.Column, d.FieldPath)).ToArray();
        Assert.Equal(Expected, actual);
        Assert.All(outcome.Diagnostics, d => Assert.Equal(file, d.Location!.File));
        Assert.All(outcome.Diagnostics, d => Assert.False(string.IsNullOrEmpty(d.Hint), $"no hint for: {d}"));
    }

    [Fact]
    public void Validation_reports_the_same_mistakes()
    {
        var file = "golden/many-mistakes.experiment.yaml";
        var text = File.ReadAllText(RepoFiles.PathOf("tests/Assay.Specs.Tests/" + file));
        var validated = ExperimentLoader.ValidateText(file, text, Fixtures.Catalog);
        var loaded = ExperimentLoader.LoadText(file, text, ResolveOptions.None, Fixtures.Catalog);
        Assert.Null(validated.Value);
        Assert.Equal(loaded.Diagnostics, validated.Diagnostics);
    }
}

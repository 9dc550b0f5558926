using static Assay.Specs.Tests.Fixtures;

namespace Assay.Specs.Tests;

/// <summary>Unknown fields, wrong shapes, wrong types, out-of-range numbers, bad durations and sizes.</summary>
public class FieldCheckTests
{
    [Fact]
    public void The_minimal_experiment_is_valid() => Plan(Minimal);

    [Fact]
    public void An_unknown_field_suggests_the_close_one()
    {
        var outcome = Load(Replace(Minimal, "      connections: 4", "      conections: 4"));
        var error = Error(outcome, "spec.workload.model.conections", "unknown field 'conections'");
        Assert.Equal("did you mean 'connections'?", error.Hint);
        At(error, 14, 7);
    }

    [Fact]
    public void An_unknown_field_with_nothing_close_lists_the_allowed_ones()
    {
        var outcome = Load(Replace(Minimal, "    driver: http", "    driver: http\n    banana: 1"));
        var error = Error(outcome, "spec.workload.banana", "unknown field 'banana'");
        Assert.Equal("allowed: driver, target, model, warmUp, duration, timeout, requests, capacity, sql, kv, pubsub, metrics, logs", error.Hint);
    }

    [Fact]
    public void A_list_where_a_value_belongs_names_the_type_and_an_example()
    {
        var outcome = Load(Replace(Minimal, "connections: 4", "connections: [4]"));
        var error = Error(outcome, "spec.workload.model.connections", "expected an integer, got a list");
        Assert.Equal("e.g. connections: 10", error.Hint);
        // Reported once: a field written wrongly is not also "missing".
        Assert.DoesNotContain(outcome.Diagnostics, d => d.Message == "required field is missing");
    }

    [Fact]
    public void A_value_where_a_list_belongs_is_reported()
    {
        var outcome = Load(Replace(Minimal, "  components:\n", "  tags: http\n  components:\n"));
        var error = Error(outcome, "spec.tags", "expected a list of texts, got 'http'");
        Assert.Equal("e.g. tags: [http, baseline]", error.Hint);
    }

    [Fact]
    public void A_value_where_a_mapping_belongs_is_reported()
    {
        var outcome = Load(Replace(Minimal, "    model:\n      type: closed\n      connections: 4\n", "    model: closed\n"));
        Error(outcome, "spec.workload.model", "expected a mapping, got 'closed'");
    }

    [Fact]
    public void A_word_where_a_number_belongs_is_a_type_error_with_an_example()
    {
        var error = Error(Load(Replace(Minimal, "connections: 4", "connections: ten")), "spec.workload.model.connections", "expected an integer, got 'ten'");
        Assert.Equal("e.g. connections: 10", error.Hint);
        At(error, 14, 20);
    }

    [Fact]
    public void A_fraction_where_an_integer_belongs_is_a_type_error() =>
        Error(Load(Replace(Minimal, "connections: 4", "connections: 2.5")), "spec.workload.model.connections", "expected an integer, got '2.5'");

    [Fact]
    public void A_quoted_number_is_text_as_in_json_schema()
    {
        var error = Error(Load(Replace(Minimal, "connections: 4", "connections: \"4\"")), "spec.workload.model.connections", "got the quoted text '4'");
        Assert.Equal("remove the quotes; e.g. connections: 10", error.Hint);
    }

    [Theory]
    [InlineData("connections: 4", "connections: 0", "spec.workload.model.connections", "must be at least 1, got 0")]
    [InlineData("connections: 4", "connections: -3", "spec.workload.model.connections", "must be at least 1, got -3")]
    [InlineData("uses: demo-app", "uses: demo-app\n      replicas: 0", "spec.components[0].replicas", "must be at least 1, got 0")]
    [InlineData("kind: Experiment", "kind: Experiment\nx: 1", "x", "unknown field 'x'")]
    [InlineData("  components:", "  trials: 0\n  components:", "spec.trials", "must be at least 1, got 0")]
    [InlineData("uses: demo-app", "uses: demo-app\n      resources: {cpus: 0}", "spec.components[0].resources.cpus", "must be greater than 0, got 0")]
    [InlineData("uses: demo-app", "uses: demo-app\n      resources: {cpus: -1.5}", "spec.components[0].resources.cpus", "must be greater than 0, got -1.5")]
    [InlineData("- path: /", "- path: /\n        weight: 0", "spec.workload.requests[0].weight", "must be greater than 0, got 0")]
    [InlineData("- path: /", "- path: /\n        expect: 99", "spec.workload.requests[0].expect", "must be from 100 to 599, got 99")]
    [InlineData("- path: /", "- path: /\n        expect: [200, 600]", "spec.workload.requests[0].expect[1]", "must be from 100 to 599, got 600")]
    public void Numbers_out_of_range_are_reported(string piece, string replacement, string path, string message) =>
        Error(Load(Replace(Minimal, piece, replacement)), path, message);

    [Theory]
    [InlineData("duration: 10s", "duration: 0s", "spec.workload.duration", "must be greater than zero, got '0s'")]
    [InlineData("duration: 10s", "duration: 10", "spec.workload.duration", "'10' is not a duration")]
    [InlineData("duration: 10s", "duration: ten seconds", "spec.workload.duration", "'ten seconds' is not a duration")]
    [InlineData("duration: 10s", "duration: 10s\n    warmUp: -1s", "spec.workload.warmUp", "'-1s' is not a duration")]
    [InlineData("duration: 10s", "duration: 10s\n    timeout: 0ms", "spec.workload.timeout", "must be greater than zero, got '0ms'")]
    [InlineData("connections: 4", "connections: 4\n      thinkTime: 1 s", "spec.workload.model.thinkTime", "'1 s' is not a duration")]
    public void Bad_durations_are_reported_with_the_duration_hint(string piece, string replacement, string path, string message)
    {
        var error = Error(Load(Replace(Minimal, piece, replacement)), path, message);
        Assert.NotNull(error.Hint);
        if (message.Contains("not a duration", StringComparison.Ordinal))
            Assert.EndsWith(Core.Units.DurationText.Hint, error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_number_as_duration_says_the_unit_is_missing()
    {
        var error = Error(Load(Replace(Minimal, "duration: 10s", "duration: 10")), "spec.workload.duration", "'10' is not a duration");
        Assert.StartsWith("a number alone has no unit", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("memory: lots", "'lots' is not a size")]
    [InlineData("memory: 12XB", "'12XB' is not a size")]
    [InlineData("memory: 0", "must be greater than zero, got '0'")]
    public void Bad_sizes_are_reported_with_the_size_hint(string memory, string message)
    {
        var error = Error(Load(Replace(Minimal, "uses: demo-app", $"uses: demo-app\n      resources: {{{memory}}}")), "spec.components[0].resources.memory", message);
        if (message.Contains("not a size", StringComparison.Ordinal)) Assert.Equal(Core.Units.ByteSizeText.Hint, error.Hint);
    }

    [Theory]
    [InlineData("name: test", "name: Test", "metadata.name")]
    [InlineData("name: test", "name: 1test", "metadata.name")]
    [InlineData("name: web", "name: web_server", "spec.components[0].name")]
    public void Names_must_be_lower_case_dns_labels(string piece, string replacement, string path)
    {
        var error = Error(Load(Replace(Minimal, piece, replacement)), path, "is not a valid name");
        Assert.StartsWith(Values.ValueReader.NameHint, error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_longer_than_63_characters_is_rejected() =>
        Error(Load(Replace(Minimal, "name: test", "name: " + new string('a', 64))), "metadata.name", "is not a valid name");

    [Theory]
    [InlineData("apiVersion: assay.dev/v1alpha1", "apiVersion: assay.dev/v2", "apiVersion", "unsupported apiVersion 'assay.dev/v2'")]
    [InlineData("apiVersion: assay.dev/v1alpha1\n", "", "apiVersion", "required field is missing")]
    [InlineData("kind: Experiment", "kind: Experimnt", "kind", "kind 'Experimnt' is not an experiment")]
    [InlineData("metadata:\n  name: test\n", "", "metadata", "required field is missing")]
    [InlineData("metadata:\n  name: test\n", "metadata:\n  labels: {a: b}\n", "metadata.name", "required field is missing")]
    [InlineData("    driver: http\n", "", "spec.workload.driver", "required field is missing")]
    [InlineData("    target: web\n", "", "spec.workload.target", "required field is missing")]
    [InlineData("    duration: 10s\n", "", "spec.workload.duration", "required field is missing")]
    [InlineData("      connections: 4\n", "", "spec.workload.model.connections", "required field is missing")]
    [InlineData("      - path: /", "      - method: GET", "spec.workload.requests[0].path", "required field is missing")]
    [InlineData("    driver: http", "    driver: grpc", "spec.workload.driver", "'grpc' is not one of http")]
    public void Envelope_and_required_fields_are_checked(string piece, string replacement, string path, string message) =>
        Error(Load(Replace(Minimal, piece, replacement)), path, message);

    [Fact]
    public void A_missing_field_is_reported_at_its_parent_with_an_example()
    {
        var error = Error(Load(Replace(Minimal, "    duration: 10s\n", "")), "spec.workload.duration", "required field is missing");
        At(error, 10, 5);
        Assert.Equal("e.g. duration: 60s", error.Hint);
    }

    [Fact]
    public void A_catalog_entry_given_as_an_experiment_says_where_it_belongs()
    {
        var error = Error(Load(Replace(Minimal, "kind: Experiment", "kind: CatalogEntry")), "kind", "is not an experiment");
        Assert.Contains("catalog/", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_mapping_is_rejected()
    {
        var outcome = Load("- a\n- b\n");
        Assert.Null(outcome.Value);
        Assert.Equal("expected a mapping, got a list", Assert.Single(outcome.Diagnostics).Message);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var outcome = Experiments.ExperimentLoader.Load("no/such/experiment.yaml", Experiments.ResolveOptions.None, Catalog);
        Assert.Null(outcome.Value);
        Assert.Equal("error: experiment file 'no/such/experiment.yaml' not found (check the path)", Assert.Single(outcome.Diagnostics).ToString());
    }
}

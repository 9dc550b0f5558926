using Assay.Core.Plans;
using static Assay.Specs.Tests.Fixtures;

namespace Assay.Specs.Tests;

/// <summary><c>${name}</c> in any scalar of spec, defaults, <c>--param</c>, and the errors around them.</summary>
public class ParameterTests
{
    private const string Parameterized = """
        apiVersion: assay.dev/v1alpha1
        kind: Experiment
        metadata:
          name: params
        spec:
          title: Load at ${users} users
          parameters:
            users: 10
            pause: 1s
            app: demo-app
            target-url: null
          components:
            - name: web
              uses: ${app}
          workload:
            driver: http
            target: web
            model:
              type: closed
              connections: ${users}
              thinkTime: "${pause}"
            duration: 1m
            requests:
              - path: /cost/$${users}
        """;

    private static Dictionary<string, string> Params(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    [Fact]
    public void Defaults_are_substituted_then_converted_to_the_field_type()
    {
        var plan = Plan(Parameterized, Params(("target-url", "unused")));
        Assert.Equal("Load at 10 users", plan.Info.Title);
        var model = Assert.IsType<ClosedModel>(plan.Variants[0].Workload.Model);
        Assert.Equal(10, model.Connections);
        Assert.Equal(TimeSpan.FromSeconds(1), model.ThinkTimeMin);
        Assert.Equal("demo-app", plan.Variants[0].Components[0].Entry.Name);
    }

    [Fact]
    public void A_dollar_dollar_brace_is_a_literal_placeholder()
    {
        var plan = Plan(Parameterized, Params(("target-url", "unused")));
        Assert.Equal("/cost/${users}", Http(plan).Requests[0].Path);
    }

    [Fact]
    public void Command_line_values_win_over_defaults_and_are_kept_in_the_plan()
    {
        var plan = Plan(Parameterized, Params(("users", "25"), ("target-url", "x")));
        Assert.Equal(25, Assert.IsType<ClosedModel>(plan.Variants[0].Workload.Model).Connections);
        Assert.Equal("25", plan.Parameters["users"]);
        Assert.Equal("1s", plan.Parameters["pause"]);
    }

    [Fact]
    public void A_substituted_value_is_checked_at_the_placeholder_scalar()
    {
        var outcome = Load(Parameterized, Params(("users", "many"), ("target-url", "x")));
        var error = Error(outcome, "spec.workload.model.connections", "expected an integer, got 'many'");
        At(error, 20, 20);
    }

    [Fact]
    public void An_unknown_command_line_parameter_suggests_the_close_one()
    {
        var outcome = Load(Parameterized, Params(("userz", "3"), ("target-url", "x")));
        var error = Error(outcome, "--param", "unknown parameter 'userz'");
        Assert.Null(error.Location);
        Assert.Equal("did you mean 'users'?", error.Hint);
        Assert.Equal("error: --param: unknown parameter 'userz' (did you mean 'users'?)", error.ToString());
    }

    [Fact]
    public void A_parameter_given_to_an_experiment_without_parameters_says_so()
    {
        var error = Error(Load(Minimal, Params(("users", "3"))), "--param", "unknown parameter 'users'");
        Assert.Contains("declares no parameters", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_parameter_left_unset_names_the_option_to_pass()
    {
        var error = Error(Load(Parameterized), "spec.parameters.target-url", "parameter 'target-url' has no default and no value was given");
        Assert.Equal("pass --param target-url=VALUE", error.Hint);
        At(error, 11, 5);
    }

    [Fact]
    public void Validation_accepts_a_required_parameter_without_value_and_skips_the_values_using_it()
    {
        var yaml = Replace(Parameterized, "    target: web", "    target: ${target-url}");
        var outcome = Validate(yaml);
        Assert.Empty(outcome.Diagnostics);
        Assert.NotNull(outcome.Value);
        // Loading to run still needs it.
        Error(Load(yaml), "spec.parameters.target-url", "has no default");
    }

    [Fact]
    public void A_placeholder_naming_no_parameter_is_reported_at_the_placeholder_itself()
    {
        var yaml = Replace(Parameterized, "  title: Load at ${users} users", "  title: Load at ${user} users and ${nothing-like-it}");
        var outcome = Load(yaml, Params(("target-url", "x")));
        var close = Error(outcome, "spec.title", "'${user}' names no parameter");
        Assert.Equal("did you mean '${users}'?", close.Hint);
        At(close, 6, 18);
        var far = Error(outcome, "spec.title", "'${nothing-like-it}' names no parameter");
        Assert.StartsWith("declare it under spec.parameters", far.Hint, StringComparison.Ordinal);
        At(far, 6, 36);
    }

    [Fact]
    public void A_placeholder_in_a_quoted_scalar_is_located_after_the_quote()
    {
        var yaml = Replace(Parameterized, "thinkTime: \"${pause}\"", "thinkTime: \"${paus}\"");
        var error = Error(Load(yaml, Params(("target-url", "x"))), "spec.workload.model.thinkTime", "'${paus}' names no parameter");
        At(error, 21, 19);
    }

    [Fact]
    public void Validation_still_reports_placeholders_naming_no_parameter()
    {
        var yaml = Replace(Parameterized, "connections: ${users}", "connections: ${usrs}");
        Assert.Contains(Validate(yaml).Diagnostics, d => d.Message == "'${usrs}' names no parameter");
    }

    [Fact]
    public void Parameter_names_are_checked()
    {
        var yaml = Replace(Parameterized, "    users: 10", "    users: 10\n    9lives: 1");
        Error(Load(yaml, Params(("target-url", "x"))), "spec.parameters.9lives", "'9lives' is not a valid parameter name");
    }

    [Fact]
    public void A_parameter_default_must_be_a_single_value()
    {
        var yaml = Replace(Parameterized, "    users: 10", "    users: [10, 20]");
        Error(Load(yaml, Params(("target-url", "x"))), "spec.parameters.users", "expected a single value or null, got a list");
    }

    [Fact]
    public void The_shipped_loadgen_bench_takes_its_url_and_connections_from_parameters()
    {
        var file = RepoFiles.PathOf("bench/http-loadgen/experiment.yaml");
        var options = new Experiments.ResolveOptions(Params(("target-url", "http://127.0.0.1:8080"), ("connections", "8")));
        var outcome = Experiments.ExperimentLoader.Load(file, options, Catalog);
        Assert.True(outcome.Value is not null, Lines(outcome.Diagnostics));
        var http = Http(outcome.Value!);
        Assert.Equal(new Uri("http://127.0.0.1:8080"), http.Target.Url);
        Assert.Equal(8, Assert.IsType<ClosedModel>(http.Model).Connections);
        Assert.Equal(TimeSpan.FromSeconds(10), http.Duration);
        Assert.Equal("default", Assert.Single(outcome.Value!.Variants).Name);
        Assert.Empty(outcome.Value!.Variants[0].Components);
        Assert.Equal("1", outcome.Value!.Placement.LoadGenerator);
    }
}

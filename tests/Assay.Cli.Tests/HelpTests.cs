namespace Assay.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("help.txt")]
    [InlineData("run-help.txt", "run")]
    [InlineData("validate-help.txt", "validate")]
    [InlineData("list-help.txt", "list")]
    [InlineData("runs-help.txt", "runs")]
    [InlineData("show-help.txt", "show")]
    [InlineData("report-help.txt", "report")]
    [InlineData("history-help.txt", "history")]
    [InlineData("compare-help.txt", "compare")]
    [InlineData("adr-help.txt", "adr")]
    [InlineData("doctor-help.txt", "doctor")]
    [InlineData("serve-help.txt", "serve")]
    [InlineData("site-build-help.txt", "site", "build")]
    [InlineData("slo-rules-help.txt", "slo", "rules")]
    public async Task Help_text_of_every_command_is_stable(string golden, params string[] command)
    {
        var (code, output, _) = await CliHarness.RunAsync([.. command, "--help"]);

        Assert.Equal(0, code);
        Golden.Match(golden, output);
    }

    [Fact]
    public async Task The_internal_load_generator_command_is_not_listed()
    {
        var (_, output, _) = await CliHarness.RunAsync("--help");

        Assert.DoesNotContain("Internal:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("loadgen <REQUEST>", output, StringComparison.Ordinal);
        Assert.Contains("run <EXPERIMENT>", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown-command.txt", "rnu", "experiments/hello-app")]
    [InlineData("unknown-option.txt", "run", "experiments/hello-app", "--duraton", "5s")]
    [InlineData("bad-param.txt", "run", "experiments/hello-app", "--param", "users")]
    [InlineData("bad-duration.txt", "run", "experiments/hello-app", "--duration", "five")]
    [InlineData("bad-trials.txt", "run", "experiments/hello-app", "--trials", "0")]
    public async Task Bad_arguments_exit_2_with_a_message_that_says_what_to_do(string golden, params string[] args)
    {
        var (code, output, _) = await CliHarness.RunAsync(args);

        Assert.Equal(2, code);
        Golden.Match(golden, output);
    }
}

using Assay.Cli.Commands;
using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli;

/// <summary>The command line: commands, their help, and the one place failures become exit codes.</summary>
public static class AssayApp
{
    public static CommandApp Create(IAnsiConsole console, ConsoleStreams? streams = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(console)
            .AddSingleton(streams ?? ConsoleStreams.System())
            .AddSingleton(time ?? TimeProvider.System);
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("assay");
            config.SetApplicationVersion(LocalRun.Version());
            config.ConfigureConsole(console);
            config.CancellationExitCode(ExitCodes.Cancelled);
            config.UseStrictParsing();
            config.SetExceptionHandler((exception, _) => Fail(console, exception));

            config.AddCommand<RunCommand>("run")
                .WithDescription("Runs an experiment: deploys each variant, drives the workload, measures, stores and prints the result.\nExit codes: 0 passed, 1 a threshold failed (or, with --fail-on-regression, a KPI regressed), 2 invalid input, 3 infrastructure error, 130 cancelled.")
                .WithExample("run", "experiments/http-baseline")
                .WithExample("run", "experiments/hello-app", "--duration", "5s")
                .WithExample("run", "bench/http-loadgen", "--param", "target-url=http://127.0.0.1:8080/", "--json");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Checks experiment files and lists every problem with its line, column, field and a fix; runs nothing.")
                .WithExample("validate", "experiments/http-baseline/experiment.yaml");
            config.AddCommand<ListCommand>("list")
                .WithDescription("Lists the experiments shipped under experiments/ with their titles.");
            config.AddCommand<RunsCommand>("runs")
                .WithDescription("Lists past runs, newest first, with status and headline figures.")
                .WithExample("runs", "--experiment", "http-baseline");
            config.AddCommand<ShowCommand>("show")
                .WithDescription("Shows one stored run as assay run printed it, or its result document with --json.")
                .WithExample("show", "20261127-0426");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Writes one stored run's report: a self-contained HTML page with charts (the default), Markdown with SVG charts, or the result document.")
                .WithExample("report", "20261127-0426", "--out", "report.html")
                .WithExample("report", "20261127-0426", "--format", "md", "--out", "docs/runs/http-baseline.md");
            config.AddCommand<HistoryCommand>("history")
                .WithDescription("Shows an experiment's completed runs over time: per variant and KPI a table of medians and a sparkline, regressions marked.")
                .WithExample("history", "http-baseline")
                .WithExample("history", "http-baseline", "--kpi", "latency_p99_ms", "--limit", "10");
            config.AddCommand<CompareCommand>("compare")
                .WithDescription("Compares two runs variant by variant: each KPI's change B ÷ A with its interval and a verdict.")
                .WithExample("compare", "20261120-0912", "20261127-0426");
            config.AddCommand<AdrCommand>("adr")
                .WithDescription("Drafts the next numbered architecture decision record (MADR, status proposed) from a run's evidence.")
                .WithExample("adr", "20261127-0426")
                .WithExample("adr", "20261127-0426", "--dir", "docs/decisions");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Serves the dashboard (experiments, runs, reports, history charts, comparisons) on 127.0.0.1, read-only over the store, until Ctrl-C.")
                .WithExample("serve")
                .WithExample("serve", "--port", "8080");
            config.AddBranch("site", site =>
            {
                site.SetDescription("The dashboard as a static site, for publishing results.");
                site.AddCommand<SiteBuildCommand>("build")
                    .WithDescription("Writes the dashboard's pages (experiments, runs, reports, history, comparisons with the previous run) as static HTML files with relative links.")
                    .WithExample("site", "build", "--out", "site");
            });
            config.AddBranch("slo", slo =>
            {
                slo.SetDescription("SLOs in production: Prometheus rules that watch the objective an experiment judged a technology by.");
                slo.AddCommand<SloRulesCommand>("rules")
                    .WithDescription("Writes Prometheus recording rules and burn-rate alerts (page and ticket, 30-day budget) for an SLO, in Sloth's naming, from a production metric you name.")
                    .WithExample("slo", "rules", "experiments/http-baseline", "--objective", "99.9", "--metric", "http_requests_total", "--label", "job=api", "--errors", "status=~5..", "--out", "slo-rules.yaml")
                    .WithExample("slo", "rules", "experiments/http-baseline", "--slo", "latency", "--objective", "99", "--threshold", "50ms", "--metric", "request_duration_seconds", "--label", "job=api");
            });
            config.AddCommand<DoctorCommand>("doctor")
                .WithDescription("Checks which catalog entries this machine can run (binary and version found) and says how to get the missing ones.");
            config.AddCommand<LoadGenCommand>("loadgen")
                .WithDescription("Internal: the load generator process the lab starts for each trial.")
                .IsHidden();
        });
        return app;
    }

    private static int Fail(IAnsiConsole console, Exception exception)
    {
        switch (exception)
        {
            case CommandAppException app:
                // Unknown commands and options, bad values, failed settings validation: the user's input.
                // Spectre's pretty form shows the offending argument and its "did you mean …?".
                if (app.Pretty is { } pretty) console.Write(pretty);
                else console.MarkupLine($"[red]error:[/] {Markup.Escape(app.Message)}");
                if (OptionSuggestions.For(app.Message) is { } suggestion) console.MarkupLine(Markup.Escape(suggestion));
                if (app is CommandParseException or CommandRuntimeException)
                    console.MarkupLine("[grey]see [bold]assay --help[/] or [bold]assay <command> --help[/][/]");
                return ExitCodes.InvalidInput;
            case OperationCanceledException:
                console.MarkupLine("[yellow]cancelled[/]");
                return ExitCodes.Cancelled;
            default:
                console.MarkupLine($"[red]error:[/] {Markup.Escape(exception.GetType().Name)}: {Markup.Escape(exception.Message)}");
                console.MarkupLine("[grey]this is a bug in assay or an unexpected state of the machine; the stack trace follows[/]");
                console.WriteLine(exception.ToString());
                return ExitCodes.Infrastructure;
        }
    }
}

using Assay.Cli;
using Assay.Cli.Infrastructure;
using Spectre.Console;

using var shutdown = new Shutdown(Console.Error);
var streams = ConsoleStreams.System();
var app = AssayApp.Create(ConsoleWidth.Fit(AnsiConsole.Console, Console.IsOutputRedirected), streams);
return await app.RunAsync(args, shutdown.Token);

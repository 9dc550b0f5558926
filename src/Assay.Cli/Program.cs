using Assay.Cli;
using Assay.Cli.Infrastructure;
using Spectre.Console;

using var shutdown = new Shutdown(Console.Error);
var app = AssayApp.Create(AnsiConsole.Console);
return await app.RunAsync(args, shutdown.Token);

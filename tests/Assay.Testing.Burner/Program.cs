using System.Globalization;
using System.Runtime.InteropServices;
using Assay.Testing.Burner;

// A process whose CPU time and memory are known in advance, to check what Assay's samplers report about it.
if (!BurnerOptions.TryParse(args, out var options, out var error))
{
    await Console.Error.WriteLineAsync(error);
    await Console.Error.WriteLineAsync("usage: burner [--cpu-seconds X] [--memory-mib N]   (env PORT: accept TCP on 127.0.0.1:PORT)");
    return 2;
}

using var stop = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

// Listening first, so that a TCP readiness probe succeeds while the burner still works.
using var listener = ReadinessListener.Start(Environment.GetEnvironmentVariable("PORT"));
var accepting = listener is null ? Task.CompletedTask : ReadinessListener.AcceptUntilStoppedAsync(listener, stop.Token);

var memory = Load.TouchMemory(options.MemoryMib);
var burned = Load.BurnCpuUntil(TimeSpan.FromSeconds(options.CpuSeconds), stop.Token);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"burned {burned.TotalSeconds:0.000} touched {options.MemoryMib}"));

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // SIGTERM or SIGINT: the way this program is meant to end.
}

await accepting;
GC.KeepAlive(memory);
return 0;

void Stop(PosixSignalContext context)
{
    // Cancel the default termination: the program exits by itself, with code 0, after cleaning up.
    context.Cancel = true;
    stop.Cancel();
}

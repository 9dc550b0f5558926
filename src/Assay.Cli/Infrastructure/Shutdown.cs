using System.Runtime.InteropServices;

namespace Assay.Cli.Infrastructure;

/// <summary>
/// One root cancellation for the whole program. The first SIGINT (Ctrl-C) or SIGTERM cancels it and
/// lets cleanup run; a second one ends the process at once (the run ledger lets the next invocation
/// reap whatever that leaves behind).
/// </summary>
internal sealed class Shutdown : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;

    public Shutdown(TextWriter notices)
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => OnSignal(context, notices)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => OnSignal(context, notices)),
        ];
    }

    public CancellationToken Token => _cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context, TextWriter notices)
    {
        if (Interlocked.Increment(ref _signals) > 1)
        {
            notices.WriteLine($"{context.Signal} again: stopping now; the next assay command reaps what is left.");
            return; // Not cancelled: the runtime's default action ends the process.
        }
        context.Cancel = true;
        notices.WriteLine($"{context.Signal}: stopping the run and cleaning up (send it again to stop at once)…");
        _cancellation.Cancel();
    }
}

using System.Text.Json;
using Assay.Core.Measurements;

namespace Assay.Workloads.LoadGeneration;

/// <summary>
/// The load generator process's side of the protocol: reads the request file, runs the driver, and
/// writes JSON lines: <c>{"type":"progress",…}</c> as the run goes and <c>{"type":"result","measurement":{…}}</c>
/// at the end, also when cancelled (the measurement is then partial).
/// </summary>
public static class LoadGenHost
{
    /// <summary>Exit code for a request file that cannot be read or run.</summary>
    public const int BadRequest = 2;

    public static Task<int> RunAsync(string requestPath, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(requestPath, output, Console.Error, cancellationToken);

    /// <returns>0 when a result was written (complete or partial), <see cref="BadRequest"/> for a bad request.</returns>
    public static async Task<int> RunAsync(string requestPath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        LoadGenRequest request;
        IWorkloadDriver driver;
        try
        {
            request = await LoadGenRequest.ReadAsync(requestPath, cancellationToken);
            driver = WorkloadDrivers.Create(request.Plan);
        }
        catch (Exception e) when (e is FormatException or NotSupportedException)
        {
            await error.WriteLineAsync(e.Message);
            return BadRequest;
        }

        var lines = new LineWriter(output);
        WorkloadMeasurement measurement;
        try
        {
            measurement = await driver.RunAsync(request.ToRun(), lines, cancellationToken);
        }
        catch (ArgumentException e)
        {
            // The driver checks the plan and targets before sending anything.
            await error.WriteLineAsync($"The load generator request '{requestPath}' cannot be run: {e.Message}");
            return BadRequest;
        }
        lines.Write(new ResultMessage(measurement));
        return 0;
    }

    /// <summary>Writes each message as one line and flushes it at once, so the lab sees progress live.</summary>
    private sealed class LineWriter(TextWriter output) : IProgress<WorkloadProgress>
    {
        private readonly Lock _gate = new();

        public void Report(WorkloadProgress value) => Write(ProgressMessage.From(value));

        public void Write(LoadGenMessage message)
        {
            var line = JsonSerializer.Serialize(message, LoadGenJson.Options);
            lock (_gate)
            {
                output.WriteLine(line);
                output.Flush();
            }
        }
    }
}

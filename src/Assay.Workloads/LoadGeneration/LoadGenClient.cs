using System.Text.Json;
using Assay.Core.Measurements;
using Microsoft.Extensions.Logging;

namespace Assay.Workloads.LoadGeneration;

/// <summary>
/// The lab's side of the protocol: reads the load generator's JSON lines, passes progress on, and
/// returns the measurement of the result line. Lines that are not protocol messages (a runtime
/// warning on stdout, a cut line) are logged and skipped.
/// </summary>
public static partial class LoadGenClient
{
    private const int ShownCharacters = 200;

    /// <returns>The measurement, or null when the stream ended without a result line.</returns>
    public static Task<WorkloadMeasurement?> ReadAsync(TextReader lines, IProgress<WorkloadProgress>? progress, CancellationToken cancellationToken) =>
        ReadAsync(lines, progress, null, cancellationToken);

    /// <param name="logger">Where lines that are not protocol messages are reported.</param>
    public static async Task<WorkloadMeasurement?> ReadAsync(TextReader lines, IProgress<WorkloadProgress>? progress, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        WorkloadMeasurement? result = null;
        var number = 0;
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            switch (Parse(line, out var problem))
            {
                case ProgressMessage message:
                    progress?.Report(message.ToProgress());
                    break;
                case ResultMessage message:
                    result = message.Measurement;
                    break;
                default:
                    if (logger is not null)
                        LogUnreadableLine(logger, number, line.Length > ShownCharacters ? line[..ShownCharacters] + "…" : line, problem ?? "unknown message");
                    break;
            }
        }
        return result;
    }

    private static LoadGenMessage? Parse(string line, out string? problem)
    {
        problem = null;
        try
        {
            return JsonSerializer.Deserialize<LoadGenMessage>(line, LoadGenJson.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            problem = e.Message;
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Load generator output line {Number} is not a protocol message ({Problem}): {Line}")]
    private static partial void LogUnreadableLine(ILogger logger, int number, string line, string problem);
}

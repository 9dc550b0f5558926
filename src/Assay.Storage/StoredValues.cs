using System.Globalization;
using System.Text.Json;
using Assay.Core.Results;

namespace Assay.Storage;

/// <summary>
/// How values are written into columns. Timestamps are ISO-8601 UTC with a fixed seven-digit fraction,
/// so text order is time order and <c>ORDER BY started_at</c> needs no conversion. Enums are the same
/// lowercase names as in the JSON documents.
/// </summary>
internal static class StoredValues
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.ParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string Status(RunStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());

    public static RunStatus ParseStatus(string text) => ParseEnum<RunStatus>(text);

    public static string Phase(RunPhase phase) => JsonNamingPolicy.KebabCaseLower.ConvertName(phase.ToString());

    public static RunPhase ParsePhase(string text) => ParseEnum<RunPhase>(text);

    /// <summary>SQLite stores NaN as NULL; a headline that was not a number reads back as NaN.</summary>
    public static object Real(double value) => double.IsNaN(value) ? DBNull.Value : value;

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, ResultJson.Compact);

    public static T ParseJson<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, ResultJson.Compact)
        ?? throw new JsonException($"A stored {typeof(T).Name} document is empty (the JSON text was 'null').");

    private static T ParseEnum<T>(string text)
        where T : struct, Enum =>
        Enum.Parse<T>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
}

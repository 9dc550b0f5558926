using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assay.Core.Results;

/// <summary>
/// The one JSON convention of Assay's documents (result.json, the store, the load generator's
/// protocol): camelCase names, enums as lowercase strings, invariant numbers, nulls omitted.
/// </summary>
public static class ResultJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>The same convention on one line, for JSON lines and database columns.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    public static string Serialize(RunResult result) => JsonSerializer.Serialize(result, Options);

    public static RunResult Deserialize(string json) =>
        JsonSerializer.Deserialize<RunResult>(json, Options)
        ?? throw new JsonException("The result document is empty (the JSON text was 'null').");

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Assay.Apps.Shared;

namespace Assay.Apps.Cardinality;

/// <summary>The body of <c>GET</c> and <c>POST /cardinality</c>: the level now, its series, and every level there is.</summary>
internal sealed record CardinalityBody(string Level, int Series, IReadOnlyDictionary<string, int> Levels)
{
    public static CardinalityBody Of(CardinalityLevel level) =>
        new(level.Name, level.Series, CardinalityLevel.All.ToDictionary(l => l.Name, l => l.Series));
}

/// <summary>Source-generated JSON for the bodies the generator writes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CardinalityBody))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class CardinalityJson : JsonSerializerContext;

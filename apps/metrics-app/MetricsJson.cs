using System.Text.Json;
using System.Text.Json.Serialization;
using Assay.Apps.Shared;

namespace Assay.Apps.Metrics;

/// <summary>The body of a successful <c>/</c>, <c>/slow</c> or <c>/error</c>: how long the request was made to wait.</summary>
internal sealed record StatusBody(string Status, int DelayMs);

/// <summary>The body of <c>/process</c>: how many items were added to <c>items_processed_total</c>.</summary>
internal sealed record ProcessedBody(int Items);

/// <summary>Source-generated JSON for the bodies metrics-app writes: no reflection on the request path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StatusBody))]
[JsonSerializable(typeof(ProcessedBody))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class MetricsJson : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;
using Assay.Apps.Shared;

namespace Assay.Apps.Logs;

/// <summary>The body of <c>GET</c> and <c>POST /config</c>: the rate, the services and the lines printed so far.</summary>
internal sealed record ConfigBody(double Rate, int Services, long Printed);

/// <summary>Source-generated JSON for the bodies the log generator writes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ConfigBody))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class LogsJson : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;
using Assay.Apps.Shared;

namespace Assay.Apps.Hello;

/// <summary>Source-generated JSON for the bodies hello-app writes: no reflection on the request path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Greeting))]
internal sealed partial class HelloJson : JsonSerializerContext;

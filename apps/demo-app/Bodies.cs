using System.Text.Json;
using System.Text.Json.Serialization;
using Assay.Apps.Shared;

namespace Assay.Apps.Demo;

/// <summary>The body of <c>GET /json</c>, TechEmpower's JSON test.</summary>
internal sealed record MessageBody(string Message);

/// <summary>The body of <c>GET /compute</c>.</summary>
internal sealed record PrimeCountBody(int N, int Primes);

/// <summary>Source-generated JSON for the bodies demo-app writes: no reflection on the request path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Greeting))]
[JsonSerializable(typeof(MessageBody))]
[JsonSerializable(typeof(PrimeCountBody))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class DemoJson : JsonSerializerContext;

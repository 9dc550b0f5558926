using System.Text.Json;
using Assay.Apps.Shared;

namespace Assay.Apps.Demo;

/// <summary><c>POST /echo</c>: parses the body as JSON and writes the same value back, or 400 when it is not JSON.</summary>
internal static class Echo
{
    public static async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            // Clone: the document's buffers go back to the pool when it is disposed, before the result is written.
            return TypedResults.Json(document.RootElement.Clone(), DemoJson.Default.JsonElement);
        }
        catch (JsonException)
        {
            return TypedResults.Json(new ErrorBody("request body is not valid JSON"), DemoJson.Default.ErrorBody, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}

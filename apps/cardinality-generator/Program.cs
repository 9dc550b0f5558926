using Assay.Apps.Cardinality;
using Assay.Apps.Shared;

var builder = SampleHost.CreateBuilder(args);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, CardinalityJson.Default));
builder.Services.AddSingleton(new SensorSeries(CardinalityLevel.FromEnvironment(), SampleRandom.FromEnvironment()));

var app = builder.Build();

app.MapGet("/cardinality", (SensorSeries series) => CardinalityBody.Of(series.Level));
app.MapPost("/cardinality", (string? level, SensorSeries series) =>
{
    if (CardinalityLevel.Find(level) is not { } found)
    {
        var known = string.Join(", ", CardinalityLevel.All.Select(l => l.Name));
        return Results.Json(new ErrorBody($"level {level} is not one of {known}: POST /cardinality?level=low|medium|high"),
            CardinalityJson.Default.ErrorBody, statusCode: StatusCodes.Status400BadRequest);
    }
    series.SetLevel(found);
    return Results.Json(CardinalityBody.Of(found), CardinalityJson.Default.CardinalityBody);
});
app.MapGet("/metrics", async (HttpContext context, SensorSeries series) =>
{
    var body = series.Scrape();
    context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body, context.RequestAborted);
});
app.MapProbes();

app.Run();

using System.Globalization;
using System.Text;
using Assay.Apps.Logs;
using Assay.Apps.Shared;
using Assay.Workloads.LogsIngest.Lines;

var builder = SampleHost.CreateBuilder(args);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, LogsJson.Default));
builder.Services.AddSingleton(TimeProvider.System);
// One draw from the seeded source gives the seed of the line sequence: the same SEED prints the same lines.
var seed = SampleRandom.FromEnvironment().NextInclusive(0, int.MaxValue - 1);
builder.Services.AddSingleton(services => new LogEmitter(LogSettings.FromEnvironment(), seed, services.GetRequiredService<TimeProvider>()));
builder.Services.AddHostedService(services => services.GetRequiredService<LogEmitter>());

var app = builder.Build();

app.MapGet("/config", (LogEmitter emitter) => new ConfigBody(emitter.Settings.Rate, emitter.Settings.Services, emitter.Printed));
app.MapPost("/config", (string? rate, string? services, LogEmitter emitter) =>
{
    if (LogSettings.Parse(rate, services, emitter.Settings) is not { } settings)
    {
        return Results.Json(new ErrorBody(string.Create(CultureInfo.InvariantCulture,
                $"rate is lines per second (more than 0, at most {LogSettings.MaxRate}) and services a whole number from 1 to {LogSettings.MaxServices}, e.g. POST /config?rate=100")),
            LogsJson.Default.ErrorBody, statusCode: StatusCodes.Status400BadRequest);
    }
    emitter.Apply(settings);
    return Results.Json(new ConfigBody(settings.Rate, settings.Services, emitter.Printed), LogsJson.Default.ConfigBody);
});
// The first lines of the seeded sequence, without printing them: what the app prints, for a look or a test.
app.MapGet("/sample", (int? count, LogEmitter emitter, TimeProvider time) =>
{
    if (count is < 1 or > 10_000)
        return Results.Json(new ErrorBody("count is a whole number from 1 to 10000"), LogsJson.Default.ErrorBody, statusCode: StatusCodes.Status400BadRequest);
    var generator = new LogLineGenerator(emitter.Seed, emitter.Settings.Services);
    var now = time.GetUtcNow();
    var text = new StringBuilder();
    for (var i = 0; i < (count ?? 10); i++) text.Append(generator.Next(now).ToJson()).Append('\n');
    return Results.Text(text.ToString(), "application/x-ndjson", Encoding.UTF8);
});
app.MapProbes();

app.Run();

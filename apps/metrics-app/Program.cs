using Assay.Apps.Metrics;
using Assay.Apps.Shared;
using Prometheus;

var builder = SampleHost.CreateBuilder(args);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, MetricsJson.Default));
builder.Services.AddSingleton(SampleRandom.FromEnvironment());
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<SampleMetrics>();

var app = builder.Build();
var metrics = app.Services.GetRequiredService<SampleMetrics>();

// Measure around routing, so that every answer is counted, 404s included, and the route is known afterwards.
app.UseMiddleware<RequestMetricsMiddleware>();
app.UseRouting();

app.MapGet("/", Workload.RootAsync);
app.MapGet("/slow", Workload.SlowAsync);
app.MapGet("/error", Workload.Error);
app.MapGet("/process", Workload.Process);
app.MapProbes();
app.MapMetrics("/metrics", metrics.Registry);

app.Run();

using Assay.Apps.Demo;
using Assay.Apps.Shared;

var builder = SampleHost.CreateBuilder(args);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, DemoJson.Default));

var app = builder.Build();
var identity = SampleIdentity.FromEnvironment("demo-app");

// The API is mirrored by a Node.js twin for runtime comparisons: README.md is its contract.
app.MapGet("/", () => Greeting.Create(identity, TimeProvider.System));
app.MapGet("/json", () => new MessageBody("Hello, World!"));
app.MapPost("/echo", Echo.HandleAsync);
app.MapGet("/compute", Compute.Handle);
app.MapProbes();

app.Run();

using Assay.Apps.Hello;
using Assay.Apps.Shared;

var builder = SampleHost.CreateBuilder(args);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, HelloJson.Default));

var app = builder.Build();
var identity = SampleIdentity.FromEnvironment("hello-app");

app.MapGet("/", () => Greeting.Create(identity, TimeProvider.System));
app.MapProbes();

app.Run();

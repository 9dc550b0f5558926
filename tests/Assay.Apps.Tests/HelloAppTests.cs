using Assay.Apps.Tests.Checks;
using Assay.Apps.Tests.Running;

namespace Assay.Apps.Tests;

public sealed class HelloAppFixture : AppFixture
{
    public const string GivenName = "greeter-under-test";

    protected override string AppName => "hello-app";

    protected override (string Name, string? Value)[] Environment => [("APP_NAME", GivenName)];
}

public sealed class HelloAppTests(HelloAppFixture fixture) : IClassFixture<HelloAppFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task Root_greets_with_the_name_from_APP_NAME_the_host_and_the_time()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await CommonChecks.AnswersGreetingAsync(fixture.App.Client, HelloAppFixture.GivenName, timeout.Token);
    }

    [Fact(Timeout = 30_000)]
    public async Task Health_and_ready_answer_plain_text()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await CommonChecks.AnswersProbesAsync(fixture.App.Client, timeout.Token);
    }
}

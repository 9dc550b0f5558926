using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Assay.Apps.Tests.Checks;
using Assay.Apps.Tests.Running;

namespace Assay.Apps.Tests;

/// <summary>Started without APP_NAME, so the greeting must fall back to the app's own name.</summary>
public sealed class DemoAppFixture : AppFixture
{
    protected override string AppName => "demo-app";
}

public sealed class DemoAppTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private HttpClient Client => fixture.App.Client;

    [Fact(Timeout = 30_000)]
    public async Task Root_greets_with_its_own_name_when_APP_NAME_is_unset()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await CommonChecks.AnswersGreetingAsync(Client, "demo-app", timeout.Token);
    }

    [Fact(Timeout = 30_000)]
    public async Task Health_and_ready_answer_plain_text()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await CommonChecks.AnswersProbesAsync(Client, timeout.Token);
    }

    [Fact(Timeout = 30_000)]
    public async Task Json_answers_the_TechEmpower_message()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var body = await CommonChecks.GetJsonAsync(Client, "json", HttpStatusCode.OK, timeout.Token);
        Assert.Equal("""{"message":"Hello, World!"}""", body.GetRawText());
    }

    [Theory(Timeout = 30_000)]
    [InlineData("""{"user":{"id":42,"name":"Zoë"},"tags":["a","b"],"ratio":0.25,"active":true,"note":null}""")]
    [InlineData("""[1,"two",{"three":3}]""")]
    [InlineData("\"just a string\"")]
    [InlineData("-12.5e3")]
    public async Task Echo_returns_the_same_JSON_value(string json)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri("echo", UriKind.Relative), content, timeout.Token);

        var echoed = await CommonChecks.ReadJsonAsync(response, HttpStatusCode.OK, timeout.Token);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(echoed.GetRawText())),
            $"sent {json}, got back {echoed.GetRawText()}");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("{\"unclosed\": [1, 2")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Echo_refuses_a_body_that_is_not_JSON_with_400_and_a_JSON_error(string body)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri("echo", UriKind.Relative), content, timeout.Token);

        var error = await CommonChecks.ReadJsonAsync(response, HttpStatusCode.BadRequest, timeout.Token);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetString()));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(100)]
    [InlineData(7919)]
    [InlineData(100_000)]
    public async Task Compute_counts_the_primes_up_to_n(int n)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var body = await CommonChecks.GetJsonAsync(Client, $"compute?n={n}", HttpStatusCode.OK, timeout.Token);

        Assert.Equal(["n", "primes"], body.EnumerateObject().Select(property => property.Name));
        Assert.Equal(n, body.GetProperty("n").GetInt32());
        Assert.Equal(PrimeSieve.CountUpTo(n), body.GetProperty("primes").GetInt32());
    }

    [Fact(Timeout = 30_000)]
    public async Task Compute_of_100_finds_25_primes_and_defaults_to_10000()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var hundred = await CommonChecks.GetJsonAsync(Client, "compute?n=100", HttpStatusCode.OK, timeout.Token);
        Assert.Equal(25, hundred.GetProperty("primes").GetInt32());

        var byDefault = await CommonChecks.GetJsonAsync(Client, "compute", HttpStatusCode.OK, timeout.Token);
        Assert.Equal(10_000, byDefault.GetProperty("n").GetInt32());
        Assert.Equal(PrimeSieve.CountUpTo(10_000), byDefault.GetProperty("primes").GetInt32());
    }

    [Theory(Timeout = 30_000)]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("5000001")]
    [InlineData("99999999999")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    public async Task Compute_refuses_n_outside_1_to_5_million_with_400_and_a_JSON_error(string n)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var error = await CommonChecks.GetJsonAsync(Client, $"compute?n={Uri.EscapeDataString(n)}", HttpStatusCode.BadRequest, timeout.Token);
        Assert.Contains("5000000", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unknown_path_is_404()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await Client.GetAsync(new Uri("no-such-path", UriKind.Relative), timeout.Token);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

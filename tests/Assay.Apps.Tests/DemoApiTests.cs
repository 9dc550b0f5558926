using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Assay.Apps.Tests.Checks;
using Assay.Apps.Tests.Running;

namespace Assay.Apps.Tests;

/// <summary>demo-app itself (ASP.NET Core), started without APP_NAME, so the greeting must fall back to "demo-app".</summary>
public sealed class DemoAppFixture : AppFixture
{
    protected override string AppName => "demo-app";
}

/// <summary>demo-app's Node.js twin, started without APP_NAME: it answers as demo-app does, name included.</summary>
public sealed class DemoAppNodeFixture : AppFixture
{
    protected override string AppName => "demo-app-node";

    protected override AppLaunch Launch => AppLaunch.Node(AppName);
}

public sealed class DemoAppTests(DemoAppFixture fixture) : DemoApiTests(fixture), IClassFixture<DemoAppFixture>;

public sealed class DemoAppNodeTests(DemoAppNodeFixture fixture) : DemoApiTests(fixture), IClassFixture<DemoAppNodeFixture>;

/// <summary>
/// demo-app's contract (apps/demo-app/README.md), the same assertions for every app that claims to serve it:
/// demo-app and its twins in other runtimes. A twin that fails one of these measures something else.
/// </summary>
public abstract class DemoApiTests(AppFixture fixture)
{
    private HttpClient Client => fixture.App.Client;

    [Fact(Timeout = 30_000)]
    public async Task Root_greets_as_demo_app_when_APP_NAME_is_unset()
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

    [Theory(Timeout = 30_000)]
    [InlineData("POST", "json", "GET")]
    [InlineData("GET", "echo", "POST")]
    [InlineData("PUT", "echo", "POST")]
    [InlineData("DELETE", "health", "GET")]
    public async Task A_known_path_with_another_method_is_405_naming_the_allowed_one(string method, string path, string allowed)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        using var response = await Client.SendAsync(request, timeout.Token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal([allowed], response.Content.Headers.Allow);
        Assert.Empty(await response.Content.ReadAsStringAsync(timeout.Token));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("HEALTH", "ok")]
    [InlineData("health/", "ok")]
    [InlineData("Ready/", "ready")]
    public async Task Paths_match_in_any_case_and_with_one_trailing_slash(string path, string body)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.Equal(body, await Client.GetStringAsync(new Uri(path, UriKind.Relative), timeout.Token));
    }

    [Theory(Timeout = 30_000)]
    [InlineData(64, HttpStatusCode.OK)]
    [InlineData(65, HttpStatusCode.BadRequest)]
    public async Task Echo_reads_JSON_nested_64_deep_and_refuses_deeper(int depth, HttpStatusCode expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var json = new string('[', depth) + new string(']', depth);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri("echo", UriKind.Relative), content, timeout.Token);

        var body = await CommonChecks.ReadJsonAsync(response, expected, timeout.Token);
        if (expected == HttpStatusCode.OK) Assert.Equal(json, body.GetRawText());
    }

    [Fact(Timeout = 30_000)]
    public async Task Echo_skips_a_byte_order_mark_and_ignores_the_content_type()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"a":[1,2]}""")]);
        content.Headers.ContentType = new("text/plain");
        using var response = await Client.PostAsync(new Uri("echo", UriKind.Relative), content, timeout.Token);

        Assert.Equal("""{"a":[1,2]}""", (await CommonChecks.ReadJsonAsync(response, HttpStatusCode.OK, timeout.Token)).GetRawText());
    }

    [Theory(Timeout = 30_000)]
    [InlineData("N=100", 100)]
    [InlineData("n=007", 7)]
    [InlineData("n=%35", 5)]
    public async Task Compute_reads_n_in_any_case_with_leading_zeros_and_escapes(string query, int n)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var body = await CommonChecks.GetJsonAsync(Client, $"compute?{query}", HttpStatusCode.OK, timeout.Token);
        Assert.Equal(n, body.GetProperty("n").GetInt32());
        Assert.Equal(PrimeSieve.CountUpTo(n), body.GetProperty("primes").GetInt32());
    }

    [Theory(Timeout = 30_000)]
    [InlineData("n=5&n=6")]
    [InlineData("n=+5")]
    [InlineData("n")]
    public async Task Compute_refuses_n_given_twice_signed_or_empty(string query)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var error = await CommonChecks.GetJsonAsync(Client, $"compute?{query}", HttpStatusCode.BadRequest, timeout.Token);
        Assert.Equal("n must be a whole number from 1 to 5000000", error.GetProperty("error").GetString());
    }
}

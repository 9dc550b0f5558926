using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Assay.Testing;

namespace Assay.Dashboard.Tests;

public sealed class ServeCommandTests
{
    [Theory(Timeout = 30_000)]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("192.168.1.20")]
    public async Task Serve_refuses_an_address_other_machines_reach_unless_allowed_explicitly(string address)
    {
        var (code, printed) = await Cli.RunAsync(["serve", "--listen", address], CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("--allow-remote", printed, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Serve_says_the_port_is_taken_and_exits()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var seeded = await SeededStore.CreateAsync(timeout.Token);
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var (code, printed) = await Cli.RunAsync(
            ["serve", "--state-dir", seeded.StateDirectory, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], timeout.Token);

        Assert.Equal(3, code);
        Assert.Contains($"port {port} on 127.0.0.1 is taken", printed, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Serve_prints_its_url_and_stops_cleanly_when_cancelled()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var seeded = await SeededStore.CreateAsync(timeout.Token);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var serving = Cli.RunAsync(["serve", "--state-dir", seeded.StateDirectory, "--port", "0"], stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3), timeout.Token);

        await stop.CancelAsync();
        var (code, printed) = await serving;

        Assert.Equal(0, code);
        Assert.Matches(@"dashboard: http://127\.0\.0\.1:\d+/", printed);
        Assert.Contains("dashboard stopped", printed, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_assay_serve_process_answers_on_its_url_and_ctrl_c_ends_it()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(55));
        await using var seeded = await SeededStore.CreateAsync(timeout.Token);
        await using var serve = CliProcess.Start(seeded.Folder, "serve", "--state-dir", seeded.StateDirectory, "--port", "0");
        await serve.WaitForOutputAsync("Ctrl-C stops it", TimeSpan.FromSeconds(30));
        var url = Regex.Match(serve.Stdout, @"http://127\.0\.0\.1:\d+/").Value;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var home = await http.GetStringAsync(new Uri(url), timeout.Token);
        serve.Signal(2); // SIGINT, as Ctrl-C sends
        var code = await serve.WaitForExitAsync(TimeSpan.FromSeconds(15));

        Assert.Contains(SeededStore.Experiment, home, StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.Contains("dashboard stopped", serve.Output, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(new Uri(url), timeout.Token));
    }
}

using System.Text.Json;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Workloads.LoadGeneration;
using Assay.Workloads.Tests.Http;
using Assay.Workloads.Tests.Servers;
using Microsoft.Extensions.Logging;

namespace Assay.Workloads.Tests.LoadGeneration;

public class LoadGenProtocolTests
{
    [Fact(Timeout = 10_000)]
    public async Task A_measurement_survives_the_round_trip_through_a_result_line()
    {
        var measurement = Measurement();
        var output = new StringWriter();
        output.WriteLine(JsonSerializer.Serialize<LoadGenMessage>(new ResultMessage(measurement), LoadGenJson.Options));

        var read = await LoadGenClient.ReadAsync(new StringReader(output.ToString()), null, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(measurement.Unit, read.Unit);
        Assert.Equal(measurement.Window, read.Window);
        Assert.Equal(measurement.PerSecond, read.PerSecond);
        Assert.Equal(measurement.ErrorKinds, read.ErrorKinds);
        Assert.Equal(measurement.Schedule, read.Schedule);
        Assert.Equal(measurement.ByOperation.Count, read.ByOperation.Count);
        foreach (var (expected, actual) in measurement.ByOperation.Zip(read.ByOperation))
        {
            Assert.Equal((expected.Name, expected.Total, expected.Failed), (actual.Name, actual.Total, actual.Failed));
            Assert.Equal(expected.StatusCounts, actual.StatusCounts);
            Assert.Equal(expected.Latency.Count, actual.Latency.Count);
            Assert.Equal(expected.Latency.Summarize(), actual.Latency.Summarize());
            Assert.Equal(expected.Latency.Encode(), actual.Latency.Encode());
        }
        Assert.Equal(JsonSerializer.Serialize(measurement, LoadGenJson.Options), JsonSerializer.Serialize(read, LoadGenJson.Options));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_request_survives_the_round_trip_through_its_file_with_either_load_model()
    {
        var folder = Directory.CreateTempSubdirectory("assay-loadgen-");
        try
        {
            foreach (var model in new LoadModel[] { new ClosedModel(8, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1.5)), new OpenModel(250.5, 16, TimeSpan.FromMilliseconds(10), 0.01) })
            {
                var request = LoadGenRequest.ForUrls(Plans.Http(model, 1, 10, 2, [Plans.Get("health", "/health", 2, 200, 204)]), [new Uri("http://127.0.0.1:8080"), new Uri("http://127.0.0.1:8081")], 42);
                var path = Path.Combine(folder.FullName, "request.json");

                await request.WriteAsync(path, CancellationToken.None);
                var read = await LoadGenRequest.ReadAsync(path, CancellationToken.None);

                var plan = Assert.IsType<HttpWorkloadPlan>(read.Plan);
                Assert.Equal(model, plan.Model);
                Assert.Equal(request.ToRun().Targets, read.ToRun().Targets);
                Assert.Equal(42, read.Seed);
                Assert.Equal(request.ToJson(), read.ToJson());
                Assert.Contains("\"driver\":\"http\"", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task The_host_writes_progress_lines_then_the_result_the_client_reads()
    {
        await using var server = new TestHttpServer(_ => new TestResponse());
        using var request = await RequestFile.CreateAsync(Plans.Closed(2, 0.3, 1.2), server.Url);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await LoadGenHost.RunAsync(request.Path, output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines[..^1], l => Assert.StartsWith("{\"type\":\"progress\"", l, StringComparison.Ordinal));
        Assert.StartsWith("{\"type\":\"result\",\"measurement\":{", lines[^1], StringComparison.Ordinal);

        var progress = new ProgressLog();
        var measurement = await LoadGenClient.ReadAsync(new StringReader(output.ToString()), progress, CancellationToken.None);
        Assert.NotNull(measurement);
        Assert.True(measurement.Succeeded > 0);
        Assert.Equal(TimeSpan.FromSeconds(1.2), measurement.Window);
        Assert.Equal(WorkloadStage.WarmingUp, progress.Stages[0]);
        Assert.Contains(WorkloadStage.Measuring, progress.Stages);
        Assert.Equal(WorkloadStage.Done, progress.Stages[^1]);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_cancelled_host_still_writes_the_partial_result_and_exits_0()
    {
        await using var server = new TestHttpServer(_ => new TestResponse());
        using var request = await RequestFile.CreateAsync(Plans.Closed(2, 0, 60), server.Url);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var output = new StringWriter();

        var exit = await LoadGenHost.RunAsync(request.Path, output, new StringWriter(), cancel.Token);

        Assert.Equal(0, exit);
        var measurement = await LoadGenClient.ReadAsync(new StringReader(output.ToString()), null, CancellationToken.None);
        Assert.NotNull(measurement);
        Assert.InRange(measurement.Window.TotalSeconds, 0.8, 2);
        Assert.True(measurement.Succeeded > 0);
    }

    [Theory(Timeout = 10_000)]
    [InlineData(null, "cannot be read")]
    [InlineData("{not json", "is not valid")]
    [InlineData("{\"plan\":{\"driver\":\"carrier-pigeon\"},\"targets\":[\"http://127.0.0.1:1\"],\"seed\":1}", "is not valid")]
    [InlineData("{\"plan\":null,\"targets\":[],\"seed\":1}", "has no plan")]
    public async Task A_bad_request_file_is_reported_on_stderr_with_exit_code_2(string? content, string message)
    {
        using var request = new RequestFile();
        if (content is not null) await File.WriteAllTextAsync(request.Path, content);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await LoadGenHost.RunAsync(request.Path, output, error, CancellationToken.None);

        Assert.Equal(LoadGenHost.BadRequest, exit);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }

    [Fact(Timeout = 10_000)]
    public async Task A_request_without_targets_is_a_bad_request()
    {
        using var request = new RequestFile();
        await File.WriteAllTextAsync(request.Path, LoadGenRequest.ForUrls(Plans.Closed(1, 0, 1), Array.Empty<Uri>(), 1).ToJson());
        var error = new StringWriter();

        var exit = await LoadGenHost.RunAsync(request.Path, new StringWriter(), error, CancellationToken.None);

        Assert.Equal(LoadGenHost.BadRequest, exit);
        Assert.Contains("no targets", error.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_client_reports_garbage_lines_and_keeps_reading()
    {
        var progress = JsonSerializer.Serialize<LoadGenMessage>(new ProgressMessage(WorkloadStage.Measuring, 2.5, 10, 1, 5, 0.5), LoadGenJson.Options);
        var result = JsonSerializer.Serialize<LoadGenMessage>(new ResultMessage(Measurement()), LoadGenJson.Options);
        var text = string.Join('\n', "Unhandled runtime warning", progress, "", "{\"type\":\"unknown\"}", result[..40], result) + "\n";
        var logger = new ListLogger();
        var reports = new ProgressLog();

        var measurement = await LoadGenClient.ReadAsync(new StringReader(text), reports, logger, CancellationToken.None);

        Assert.NotNull(measurement);
        Assert.Equal(new WorkloadProgress(WorkloadStage.Measuring, 2.5, 10, 1, 5, 0.5), Assert.Single(reports.Reports));
        Assert.Equal(3, logger.Messages.Count);
        Assert.Contains("line 1", logger.Messages[0], StringComparison.Ordinal);
        Assert.Contains("Unhandled runtime warning", logger.Messages[0], StringComparison.Ordinal);
        Assert.Contains("line 4", logger.Messages[1], StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_a_result_line_the_client_returns_null()
    {
        var progress = JsonSerializer.Serialize<LoadGenMessage>(new ProgressMessage(WorkloadStage.WarmingUp, 0, 0, 0, 0, 0), LoadGenJson.Options);

        var measurement = await LoadGenClient.ReadAsync(new StringReader(progress + "\n"), null, CancellationToken.None);

        Assert.Null(measurement);
    }

    private static WorkloadMeasurement Measurement()
    {
        var fast = LatencyHistogram.Create();
        var slow = LatencyHistogram.Create();
        for (var i = 1; i <= 1000; i++)
        {
            fast.RecordMicroseconds(100 + i);
            slow.RecordMicroseconds(20_000 + (i * 37));
        }
        return new WorkloadMeasurement(
            "requests",
            TimeSpan.FromSeconds(2),
            [
                new OperationMeasurement("get", 1000, 0, fast, new Dictionary<int, long> { [200] = 1000 }),
                new OperationMeasurement("post", 1003, 3, slow, new Dictionary<int, long> { [201] = 998, [500] = 2 }),
            ],
            [new SecondCount(0, 1000, 1), new SecondCount(1, 1000, 2)],
            new Dictionary<string, long> { ["status 500"] = 2, ["timeout"] = 1 },
            new ScheduleMeasurement(1000, 2000, 1998, 3, 2, 1.25, 7.5, 0.01));
    }

    /// <summary>A request file in its own temp folder, removed on dispose.</summary>
    private sealed class RequestFile : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("assay-loadgen-");

        public string Path => System.IO.Path.Combine(_folder.FullName, "request.json");

        public static async Task<RequestFile> CreateAsync(HttpWorkloadPlan plan, Uri target)
        {
            var file = new RequestFile();
            try
            {
                await LoadGenRequest.ForUrls(plan, [target], 7).WriteAsync(file.Path, CancellationToken.None);
                return file;
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        public void Dispose() => _folder.Delete(recursive: true);
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}

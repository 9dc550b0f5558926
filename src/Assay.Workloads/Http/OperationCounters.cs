using Assay.Core.Measurements;

namespace Assay.Workloads.Http;

/// <summary>Why a request failed without an acceptable response.</summary>
internal enum FailureKind
{
    /// <summary>No complete response within the plan's timeout.</summary>
    Timeout,
    /// <summary>Refused, reset or closed connection.</summary>
    Connection,
    /// <summary>A response that is not valid HTTP/1.x.</summary>
    Protocol,
}

/// <summary>
/// One request of the mix, counted inside the measured window by many connections at once: responses
/// by status, failures without a response by kind, and the latency of every response.
/// </summary>
internal sealed class OperationCounters
{
    /// <summary>Status codes are three digits; 1000 slots index them directly.</summary>
    private const int StatusSlots = 1000;

    private readonly long[] _statuses = new long[StatusSlots];
    private readonly bool[] _expected = new bool[StatusSlots];
    private readonly long[] _failures = new long[Enum.GetValues<FailureKind>().Length];

    public OperationCounters(string name, IReadOnlyList<int> expectedStatus)
    {
        Name = name;
        if (expectedStatus.Count == 0)
        {
            for (var status = 200; status < 400; status++) _expected[status] = true;
        }
        foreach (var status in expectedStatus)
        {
            if (status is < 100 or >= StatusSlots)
                throw new ArgumentOutOfRangeException(nameof(expectedStatus), status, $"Request '{name}' expects status {status}, which is not an HTTP status code.");
            _expected[status] = true;
        }
    }

    public string Name { get; }

    public LatencyHistogram Latency { get; } = LatencyHistogram.CreateConcurrent();

    public bool IsExpected(int status) => _expected[status];

    public void CountResponse(int status, long latencyMicroseconds)
    {
        Interlocked.Increment(ref _statuses[status]);
        Latency.RecordMicroseconds(latencyMicroseconds);
    }

    public void CountFailure(FailureKind kind) => Interlocked.Increment(ref _failures[(int)kind]);

    public long Failures(FailureKind kind) => Volatile.Read(ref _failures[(int)kind]);

    /// <summary>Responses by status code, only the codes seen.</summary>
    public Dictionary<int, long> StatusCounts()
    {
        var counts = new Dictionary<int, long>();
        for (var status = 0; status < StatusSlots; status++)
        {
            var count = Volatile.Read(ref _statuses[status]);
            if (count > 0) counts[status] = count;
        }
        return counts;
    }

    public OperationMeasurement ToMeasurement()
    {
        var statuses = StatusCounts();
        var failuresWithoutResponse = Enum.GetValues<FailureKind>().Sum(Failures);
        var unexpected = statuses.Where(s => !_expected[s.Key]).Sum(s => s.Value);
        var total = statuses.Values.Sum() + failuresWithoutResponse;
        return new OperationMeasurement(Name, total, unexpected + failuresWithoutResponse, LatencyHistogram.Merge([Latency]), statuses);
    }
}

namespace Assay.Workloads.Kv;

/// <summary>
/// One connection to a key-value server with one request in flight. Failures come out as three kinds:
/// <see cref="KvServerException"/> (the server answered with an error; the connection stays usable),
/// <see cref="TimeoutException"/> and <see cref="IOException"/> (no answer; the connection is done).
/// </summary>
internal interface IKvClient : IAsyncDisposable
{
    /// <summary>False once a request went unanswered: the connection's state is unknown.</summary>
    bool IsUsable { get; }

    /// <summary>The key's value, or null when the server has none. The memory is valid until the next call.</summary>
    ValueTask<ReadOnlyMemory<byte>?> GetAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken);

    /// <summary>Stores the value; returns once the server acknowledged it.</summary>
    ValueTask SetAsync(ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken);
}

/// <summary>An error answer from the server (<c>SERVER_ERROR …</c>, <c>-ERR …</c>).</summary>
internal sealed class KvServerException : Exception
{
    public KvServerException(string message) : base(message)
    {
    }

    public KvServerException()
    {
    }

    public KvServerException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

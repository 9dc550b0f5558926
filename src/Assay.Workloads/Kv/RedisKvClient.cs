using System.Net;
using System.Runtime.InteropServices;
using Assay.Core.Plans;
using StackExchange.Redis;

namespace Assay.Workloads.Kv;

/// <summary>
/// Redis through StackExchange.Redis, one multiplexer per connection. The driver awaits each command before
/// sending the next, so each connection has one request in flight: redis-benchmark without pipelining
/// (<c>-P 1</c>), which is what the kv driver is compared with.
/// </summary>
internal sealed class RedisKvClient : IKvClient
{
    private readonly ConnectionMultiplexer _multiplexer;
    private readonly IDatabase _database;
    private Lease<byte>? _lastValue;
    private bool _usable = true;

    private RedisKvClient(ConnectionMultiplexer multiplexer)
    {
        _multiplexer = multiplexer;
        _database = multiplexer.GetDatabase();
    }

    public bool IsUsable => _usable && _multiplexer.IsConnected;

    public static async Task<IKvClient> ConnectAsync(TargetEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var milliseconds = (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue);
        var options = new ConfigurationOptions
        {
            EndPoints = { new IPEndPoint(IPAddress.Parse(endpoint.Address.Host), endpoint.Address.Port) },
            Password = endpoint.Connection.GetValueOrDefault("password") is { Length: > 0 } password ? password : null,
            ClientName = "assay-kv",
            AbortOnConnectFail = true,
            ConnectRetry = 1,
            ConnectTimeout = milliseconds,
            AsyncTimeout = milliseconds,
            SyncTimeout = milliseconds,
            // One server, no cluster or sentinel: no configuration channel, no tie-breaker key read at connect.
            ConfigurationChannel = "",
            TieBreaker = "",
            // A broken connection fails its commands at once: the driver counts that and opens a new one.
            BacklogPolicy = BacklogPolicy.FailFast,
        };
        try
        {
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(cancellationToken);
            return new RedisKvClient(multiplexer);
        }
        catch (RedisConnectionException e)
        {
            throw new IOException($"Redis at {endpoint.Address.Authority} refused the connection: {e.Message}", e);
        }
    }

    public async ValueTask<ReadOnlyMemory<byte>?> GetAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken)
    {
        _lastValue?.Dispose();
        _lastValue = null;
        try
        {
            // No WaitAsync(cancellationToken) here: it cost a registration and a continuation on every GET, and an
            // unanswered GET ends at AsyncTimeout anyway (the session then drops the connection). Cancellation is
            // checked before sending, so a stopped run sends nothing new.
            cancellationToken.ThrowIfCancellationRequested();
            _lastValue = await _database.StringGetLeaseAsync(KeyOf(key));
            return _lastValue?.Memory;
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    public async ValueTask SetAsync(ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        try
        {
            if (!await _database.StringSetAsync(key.ToArray(), value).WaitAsync(cancellationToken))
                throw new KvServerException("Redis did not store the value (SET answered nil).");
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>
    /// The key without a copy when the caller passes a whole array, as the session does: a GET has no effect on the
    /// server, so even a GET sent late (after a timeout, when the session already reuses the array) harms nothing.
    /// A SET copies its key (<see cref="SetAsync"/>): one sent late must not write another key.
    /// </summary>
    private static RedisKey KeyOf(ReadOnlyMemory<byte> key) =>
        MemoryMarshal.TryGetArray(key, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : key.ToArray();

    public async ValueTask DisposeAsync()
    {
        _usable = false;
        _lastValue?.Dispose();
        _lastValue = null;
        await _multiplexer.DisposeAsync();
    }

    /// <summary>StackExchange.Redis's exceptions as the client contract names them; null to let one through.</summary>
    private Exception? Translate(Exception exception)
    {
        switch (exception)
        {
            case RedisServerException server:
                return new KvServerException($"Redis answered: {server.Message}", server);
            case RedisTimeoutException:
                _usable = false;
                return new TimeoutException($"Redis did not answer in time: {exception.Message}", exception);
            case RedisConnectionException or RedisException or ObjectDisposedException:
                _usable = false;
                return new IOException($"The Redis connection failed: {exception.Message}", exception);
            case OperationCanceledException:
                _usable = false;
                return null;
            default:
                return null;
        }
    }
}

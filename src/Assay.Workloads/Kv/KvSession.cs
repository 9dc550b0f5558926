using Assay.Core.Plans;
using Assay.Workloads.Sessions;

namespace Assay.Workloads.Kv;

/// <summary>
/// One kv connection: GET (operation 0) or SET (operation 1) of a key the plan's distribution picks.
/// A SET writes the key's next version; a GET's answer must be a version the key may hold
/// (<see cref="KeyBook"/>), written exactly as the driver wrote it (<see cref="KvValues"/>).
/// </summary>
internal sealed class KvSession(IKvClient client, KvWorkloadPlan plan, KeyBook book, KeyChooser keys, int seed) : ISession
{
    public const int Get = 0;
    public const int Set = 1;

    /// <summary>Indexes of the notes the session's outcomes carry, as <see cref="Notes"/> names them.</summary>
    public const int Hit = 0;
    public const int Miss = 1;

    /// <summary>A key that was stored came back missing: with no eviction, the server lost it.</summary>
    public const string UnexpectedMiss = "unexpected miss";

    public static IReadOnlyList<string> Notes { get; } = ["hits", "misses"];

    private readonly Random _random = new(seed);
    private readonly byte[] _key = new byte[KvValues.KeyBytes];
    private readonly byte[] _value = new byte[plan.ValueBytes];

    public bool IsUsable => client.IsUsable;

    public async ValueTask<Outcome> RunAsync(int operation, CancellationToken cancellationToken)
    {
        var key = keys.Next(_random);
        KvValues.WriteKey(_key, key);
        return operation == Get ? await GetAsync(key, cancellationToken) : await SetAsync(key, cancellationToken);
    }

    public ValueTask DisposeAsync() => client.DisposeAsync();

    /// <summary>Writes version 0 of a key, before the run (preload); throws on any failure.</summary>
    public static async Task PreloadAsync(IKvClient client, int key, int valueBytes, CancellationToken cancellationToken)
    {
        var keyBytes = new byte[KvValues.KeyBytes];
        var value = new byte[valueBytes];
        KvValues.WriteKey(keyBytes, key);
        KvValues.WriteValue(value, key, 0);
        await client.SetAsync(keyBytes, value, cancellationToken);
    }

    private async ValueTask<Outcome> GetAsync(int key, CancellationToken cancellationToken)
    {
        var ticket = book.BeginGet(key);
        ReadOnlyMemory<byte>? value;
        try
        {
            value = await client.GetAsync(_key, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failed(e);
        }
        if (value is not { } found)
            return KeyBook.MayMiss(ticket) ? Outcome.SuccessWith(Miss) : Outcome.Wrong(UnexpectedMiss, Miss);
        return KvValues.ReadVersion(found.Span, key, plan.ValueBytes) is { } version && book.MayReturn(ticket, version)
            ? Outcome.SuccessWith(Hit)
            : Outcome.Wrong(ErrorKinds.Verification, Hit);
    }

    private async ValueTask<Outcome> SetAsync(int key, CancellationToken cancellationToken)
    {
        var ticket = book.BeginSet(key);
        KvValues.WriteValue(_value, key, ticket.Version);
        var answer = SetAnswer.Unknown;
        try
        {
            await client.SetAsync(_key, _value, cancellationToken);
            answer = SetAnswer.Stored;
            return Outcome.Success;
        }
        catch (KvServerException)
        {
            answer = SetAnswer.Rejected;
            return Outcome.Wrong("server error");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failed(e);
        }
        finally
        {
            book.EndSet(ticket, answer);
        }
    }

    private static Outcome Failed(Exception exception) => exception switch
    {
        KvServerException => Outcome.Wrong("server error"),
        TimeoutException => Outcome.Unanswered(ErrorKinds.Timeout),
        IOException or System.Net.Sockets.SocketException or ObjectDisposedException => Outcome.Unanswered(ErrorKinds.Connection),
        _ => throw new InvalidOperationException($"The kv driver met an unexpected {exception.GetType().Name}: {exception.Message}", exception),
    };
}

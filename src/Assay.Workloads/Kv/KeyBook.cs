namespace Assay.Workloads.Kv;

/// <summary>
/// What each key may hold right now, so a GET's answer can be judged. Every SET writes a new version of
/// its key (1, 2, …; the preload writes version 0). A GET may return any version that was written before
/// it ended, except one that was certainly overwritten before it started: one that had finished before a
/// later SET started, when that later SET had been acknowledged before the GET started. With one client
/// per key this is exact (the last SET's value); with clients racing on a key it allows what the race allows.
/// </summary>
/// <remarks>
/// A miss is wrong once a SET of the key was acknowledged (or the key was preloaded): nothing is evicted
/// while the keyspace fits the server's memory. A SET that got no answer (a timeout, a lost connection)
/// may land any time later, so its key's staleness is no longer judged; its values are still checked.
/// Locks are striped over the keys; each critical section is a few loads and stores.
/// </remarks>
internal sealed class KeyBook
{
    private const int StripeMask = 1023;

    private readonly Lock[] _locks = [.. Enumerable.Range(0, StripeMask + 1).Select(_ => new Lock())];
    private readonly int[] _issued;
    private readonly int[] _finished;
    private readonly int[] _floor;
    private readonly int[] _inFlight;
    private readonly bool[] _stored;
    private readonly bool[] _unsure;

    public KeyBook(int keyspace, bool preloaded)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keyspace, 1);
        _issued = new int[keyspace];
        _finished = new int[keyspace];
        _floor = new int[keyspace];
        _inFlight = new int[keyspace];
        _stored = new bool[keyspace];
        _unsure = new bool[keyspace];
        // Preloaded: version 0 is there and nothing is overwritten yet. Otherwise version 0 never existed.
        Array.Fill(_floor, preloaded ? -1 : 0);
        Array.Fill(_stored, preloaded);
    }

    public int Keyspace => _issued.Length;

    /// <summary>A SET about to be sent: its version, and the versions it will overwrite (all up to <see cref="SetTicket.Overwrites"/>).</summary>
    public SetTicket BeginSet(int key)
    {
        lock (_locks[key & StripeMask])
        {
            _inFlight[key]++;
            return new SetTicket(key, ++_issued[key], _finished[key]);
        }
    }

    /// <summary>A SET's answer: stored (acknowledged), rejected by the server (not written), or none (unknown).</summary>
    public void EndSet(SetTicket ticket, SetAnswer answer)
    {
        var key = ticket.Key;
        lock (_locks[key & StripeMask])
        {
            // While SETs overlap, "finished" stays where it was: a lower bound, which only makes the check milder.
            if (--_inFlight[key] == 0) _finished[key] = _issued[key];
            switch (answer)
            {
                case SetAnswer.Stored:
                    _floor[key] = Math.Max(_floor[key], ticket.Overwrites);
                    _stored[key] = true;
                    break;
                case SetAnswer.Unknown:
                    _unsure[key] = true;
                    break;
            }
        }
    }

    /// <summary>A GET about to be sent: what its key held for certain at that moment.</summary>
    public ReadTicket BeginGet(int key)
    {
        lock (_locks[key & StripeMask]) return new ReadTicket(key, _floor[key], _stored[key]);
    }

    /// <summary>Whether a GET that started with <paramref name="ticket"/> may return <paramref name="version"/>.</summary>
    public bool MayReturn(ReadTicket ticket, int version)
    {
        lock (_locks[ticket.Key & StripeMask])
        {
            return version >= 0 && version <= _issued[ticket.Key] && (version > ticket.Floor || _unsure[ticket.Key]);
        }
    }

    /// <summary>Whether a GET that started with <paramref name="ticket"/> may find nothing.</summary>
    public static bool MayMiss(ReadTicket ticket) => !ticket.Stored;
}

internal readonly record struct SetTicket(int Key, int Version, int Overwrites);

internal readonly record struct ReadTicket(int Key, int Floor, bool Stored);

internal enum SetAnswer
{
    Stored,
    Rejected,
    Unknown,
}

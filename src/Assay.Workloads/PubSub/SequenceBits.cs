using System.Numerics;

namespace Assay.Workloads.PubSub;

/// <summary>
/// One bit per sequence number of one publisher, up to a capacity fixed at the start (the schedule says how
/// many messages a publisher can send). Setting is atomic, so confirmations from several threads may mark it.
/// </summary>
internal sealed class SequenceBits(long capacity)
{
    private readonly long[] _words = new long[(Math.Max(capacity, 1) + 63) / 64];

    public long Capacity => capacity;

    /// <summary>Marks a number; true when it was not marked before.</summary>
    public bool Set(long index)
    {
        var mask = 1L << (int)(index & 63);
        return (Interlocked.Or(ref _words[index >> 6], mask) & mask) == 0;
    }

    public bool Get(long index) => (Volatile.Read(ref _words[index >> 6]) & (1L << (int)(index & 63))) != 0;

    /// <summary>How many numbers in [from, to) are marked.</summary>
    public long Count(long from, long to)
    {
        long count = 0;
        ForEachWord(from, to, (word, mask) => count += BitOperations.PopCount((ulong)(Volatile.Read(ref _words[word]) & mask)));
        return count;
    }

    /// <summary>Calls <paramref name="found"/> with every number in [from, to) marked here and not in <paramref name="other"/>.</summary>
    public void ForEachMissingFrom(SequenceBits other, long from, long to, Action<long> found)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(found);
        ForEachWord(from, to, (word, mask) =>
        {
            var missing = (ulong)(Volatile.Read(ref _words[word]) & ~other.WordAt(word) & mask);
            while (missing != 0)
            {
                var bit = BitOperations.TrailingZeroCount(missing);
                found(((long)word * 64) + bit);
                missing &= missing - 1;
            }
        });
    }

    private long WordAt(int word) => word < _words.Length ? Volatile.Read(ref _words[word]) : 0;

    private void ForEachWord(long from, long to, Action<int, long> visit)
    {
        from = Math.Max(from, 0);
        to = Math.Min(to, (long)_words.Length * 64);
        for (var index = from; index < to;)
        {
            var word = (int)(index >> 6);
            var first = (int)(index & 63);
            var last = (int)Math.Min(63, to - 1 - ((long)word * 64));
            var mask = (last == 63 ? -1L : (1L << (last + 1)) - 1) & (-1L << first);
            visit(word, mask);
            index = ((long)word + 1) * 64;
        }
    }
}

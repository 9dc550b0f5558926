using System.Buffers.Text;

namespace Assay.Workloads.Kv;

/// <summary>
/// Keys and values as the kv driver writes them. Keys are redis-benchmark's (<c>key:000000001234</c>, 16 bytes),
/// so both tools touch the same keys. A value is <c>key:000000001234#0000000042#</c> (its key, its version)
/// followed by letters that depend on both, to exactly the plan's size: a value that is not exactly what was
/// written for some version of that key is recognised as wrong.
/// </summary>
internal static class KvValues
{
    public const int KeyBytes = 16;
    private const int VersionDigits = 10;
    private const int HeaderBytes = KeyBytes + 1 + VersionDigits + 1;

    /// <summary>Writes the key of index <paramref name="key"/> into 16 bytes.</summary>
    public static void WriteKey(Span<byte> destination, int key)
    {
        "key:"u8.CopyTo(destination);
        WriteDigits(destination.Slice(4, 12), key);
    }

    /// <summary>Writes the value of <paramref name="key"/> at <paramref name="version"/> into all of <paramref name="destination"/>.</summary>
    public static void WriteValue(Span<byte> destination, int key, int version)
    {
        if (destination.Length < HeaderBytes + 1)
            throw new ArgumentException($"A kv value needs at least {HeaderBytes + 1} bytes.", nameof(destination));
        WriteKey(destination, key);
        destination[KeyBytes] = (byte)'#';
        WriteDigits(destination.Slice(KeyBytes + 1, VersionDigits), version);
        destination[HeaderBytes - 1] = (byte)'#';
        for (var i = HeaderBytes; i < destination.Length; i++) destination[i] = Filler(key, version, i);
    }

    /// <summary>
    /// The version a value read for <paramref name="key"/> holds, when it is byte for byte what the driver wrote
    /// for that key at that version and of the expected size; null for anything else.
    /// </summary>
    public static int? ReadVersion(ReadOnlySpan<byte> value, int key, int expectedBytes)
    {
        if (value.Length != expectedBytes || value.Length <= HeaderBytes) return null;
        Span<byte> expectedKey = stackalloc byte[KeyBytes];
        WriteKey(expectedKey, key);
        if (!value[..KeyBytes].SequenceEqual(expectedKey) || value[KeyBytes] != '#' || value[HeaderBytes - 1] != '#') return null;
        if (!Utf8Parser.TryParse(value.Slice(KeyBytes + 1, VersionDigits), out int version, out var consumed) || consumed != VersionDigits || version < 0)
            return null;
        for (var i = HeaderBytes; i < value.Length; i++)
        {
            if (value[i] != Filler(key, version, i)) return null;
        }
        return version;
    }

    private static byte Filler(int key, int version, int position) => (byte)('a' + (int)(((uint)key + (uint)version + (uint)position) % 26));

    private static void WriteDigits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}

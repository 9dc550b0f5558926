using System.Buffers.Binary;

namespace Assay.Workloads.PubSub;

/// <summary>What a subscriber found in a message body.</summary>
internal enum MessageCheck
{
    Valid,
    /// <summary>Not a message of this run's format: wrong size, header or filler (corrupted or foreign).</summary>
    Malformed,
}

/// <summary>
/// The body of every message the driver publishes, little-endian: "ASY1", the run's mark, the publisher,
/// its sequence number, the intended send time (Stopwatch ticks of this process), then a fixed filler up to
/// the message size. Subscribers check all of it, so a corrupted or foreign message is an error, never a
/// delivery.
/// </summary>
internal sealed class MessageFormat
{
    public const int HeaderBytes = 28;
    private const uint Magic = 0x31_59_53_41; // "ASY1" read little-endian

    private readonly byte[] _filler;

    public MessageFormat(int runMark, int messageBytes)
    {
        if (messageBytes < HeaderBytes)
            throw new ArgumentOutOfRangeException(nameof(messageBytes), messageBytes, $"A message needs at least {HeaderBytes} bytes for its header.");
        RunMark = runMark;
        MessageBytes = messageBytes;
        _filler = new byte[messageBytes - HeaderBytes];
        for (var i = 0; i < _filler.Length; i++) _filler[i] = (byte)((i * 7) + 3);
    }

    /// <summary>Tells this run's messages from any other's published on the same subject.</summary>
    public int RunMark { get; }

    public int MessageBytes { get; }

    /// <summary>Fills a whole message; the filler is written only when <paramref name="withFiller"/> (a reused buffer keeps it).</summary>
    public void Write(Span<byte> message, int publisher, long sequence, long due, bool withFiller = true)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(message, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(message[4..], RunMark);
        BinaryPrimitives.WriteInt32LittleEndian(message[8..], publisher);
        BinaryPrimitives.WriteInt64LittleEndian(message[12..], sequence);
        BinaryPrimitives.WriteInt64LittleEndian(message[20..], due);
        if (withFiller) _filler.CopyTo(message[HeaderBytes..]);
    }

    public byte[] NewMessage()
    {
        var message = new byte[MessageBytes];
        _filler.CopyTo(message.AsSpan(HeaderBytes));
        return message;
    }

    public MessageCheck Read(ReadOnlySpan<byte> message, out int publisher, out long sequence, out long due)
    {
        publisher = -1;
        sequence = -1;
        due = 0;
        if (message.Length != MessageBytes
            || BinaryPrimitives.ReadUInt32LittleEndian(message) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(message[4..]) != RunMark
            || !message[HeaderBytes..].SequenceEqual(_filler))
        {
            return MessageCheck.Malformed;
        }
        publisher = BinaryPrimitives.ReadInt32LittleEndian(message[8..]);
        sequence = BinaryPrimitives.ReadInt64LittleEndian(message[12..]);
        due = BinaryPrimitives.ReadInt64LittleEndian(message[20..]);
        return MessageCheck.Valid;
    }
}

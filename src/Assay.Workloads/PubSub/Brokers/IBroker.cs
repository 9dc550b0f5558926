namespace Assay.Workloads.PubSub.Brokers;

/// <summary>Receives one message body; valid only for the duration of the call.</summary>
internal delegate void MessageHandler(ReadOnlySpan<byte> body);

/// <summary>
/// One broker's client side for one run: it declares what the run needs (a stream, an exchange), connects
/// each subscriber and publisher on its own connection, and removes nothing on the broker (every trial gets
/// a fresh one).
/// </summary>
internal interface IBroker : IAsyncDisposable
{
    /// <summary>Declares what subscribers and publishers share, before either connects.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Connects subscriber <paramref name="index"/>; returns once the broker routes every later message to it.</summary>
    Task<IAsyncDisposable> SubscribeAsync(int index, MessageHandler handler, CancellationToken cancellationToken);

    /// <summary>Connects publisher <paramref name="index"/>.</summary>
    Task<IBrokerPublisher> ConnectPublisherAsync(int index, CancellationToken cancellationToken);

    /// <summary>Figures about the client itself (messages it dropped because the driver read too slowly), for the stats.</summary>
    IReadOnlyDictionary<string, double> ClientStats { get; }
}

/// <summary>
/// One publishing connection. Sends are awaited one at a time, so messages leave in sequence order; each sent
/// message is reported to the publisher's ledger once, as confirmed or failed: at once where the protocol
/// confirms nothing, when the broker's confirmation arrives otherwise. A send that throws has reported
/// nothing (the caller counts it as failed). Disposing reports whatever is still unconfirmed as failed.
/// </summary>
internal interface IBrokerPublisher : IAsyncDisposable
{
    /// <summary>Hands one message to the client; <paramref name="body"/> may be reused once this completes.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> body, long sequence, long due, PublishLedger ledger, CancellationToken cancellationToken);
}

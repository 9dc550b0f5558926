using System.Text.Json.Serialization;

namespace Assay.Core.Plans;

/// <summary>
/// Publish/subscribe load: publishers sending on a fixed schedule (an open model by nature) to one subject,
/// every subscriber receiving every message (fan-out 1→N). Each message carries its publisher, sequence
/// number and intended send time, so subscribers measure end-to-end latency and check what they receive.
/// </summary>
/// <param name="RatePerSecond">Messages published per second by all publishers together, evenly spaced.</param>
/// <param name="Publishers">Publishing connections; each sends an equal share of the rate.</param>
/// <param name="Subscribers">Subscribing connections; each receives every message.</param>
/// <param name="MessageBytes">The size of every message body, header included.</param>
/// <param name="Persistent">Durable delivery: JetStream on NATS, durable queues with persistent messages and
/// publisher confirms on RabbitMQ, persistent sessions on MQTT.</param>
/// <param name="Qos">The MQTT quality of service (0 or 1); other protocols ignore it.</param>
/// <param name="Subject">The NATS subject, RabbitMQ exchange or MQTT topic.</param>
/// <param name="MaxInFlight">Messages a publisher may have sent but not yet confirmed; a message due while the
/// limit is reached waits, and its wait counts as latency (the broker's doing).</param>
/// <param name="Drain">How long subscribers may take, after the window, to receive what was published in it;
/// whatever has not arrived by then is lost.</param>
/// <param name="LagTolerance">How late the generator itself may publish a message before it counts as late.</param>
/// <param name="MaxLateFraction">The fraction of late or unsent messages beyond which the measurement is invalid.</param>
public sealed record PubSubWorkloadPlan(
    TargetPlan Target,
    double RatePerSecond,
    int Publishers,
    int Subscribers,
    int MessageBytes,
    bool Persistent,
    int Qos,
    string Subject,
    int MaxInFlight,
    TimeSpan Drain,
    TimeSpan LagTolerance,
    double MaxLateFraction,
    TimeSpan WarmUp,
    TimeSpan Duration,
    TimeSpan Timeout)
    : WorkloadPlan(new OpenModel(RatePerSecond, MaxInFlight, LagTolerance, MaxLateFraction), WarmUp, Duration, Timeout)
{
    public const string DriverName = "pubsub";

    /// <summary>The one operation the driver measures: a message delivered to one subscriber.</summary>
    public const string DeliverOperation = "deliver";

    // [JsonIgnore] on the overrides: a serialized "driver" would collide with the polymorphic discriminator.
    [JsonIgnore]
    public override string Driver => DriverName;

    [JsonIgnore]
    public override string OperationUnit => "messages";

    [JsonIgnore]
    public override IReadOnlyDictionary<string, TargetPlan> Targets => new Dictionary<string, TargetPlan> { [TargetRole] = Target };
}

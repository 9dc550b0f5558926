using Assay.Core.Diagnostics;
using Assay.Core.Plans;
using Assay.Specs.Values;

namespace Assay.Specs.Experiments.Drivers;

/// <summary>
/// <c>workload.pubsub</c>: publishers at a total rate, fanned out to subscribers. The load is set here (an open
/// model by nature), so <c>workload.model</c> does not apply.
/// </summary>
internal sealed class PubSubDriverSpec : DriverSpec
{
    /// <summary>Publisher, sequence number, send time and a run mark: the smallest message that carries them, rounded up.</summary>
    public const int MinMessageBytes = 32;

    /// <summary>NATS's default max_payload; messages beyond it need broker settings few experiments want.</summary>
    public const int MaxMessageBytes = 1 << 20;

    public const int MaxConnections = 256;

    private static readonly TimeSpan DefaultDrain = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan DefaultLagTolerance = TimeSpan.FromMilliseconds(10);
    private const double DefaultMaxLateFraction = 0.01;
    private const int DefaultMaxInFlight = 1000;
    private const string DefaultSubject = "assay.pubsub";

    public override string Driver => PubSubWorkloadPlan.DriverName;

    public override bool ModelRequired => false;

    public override IReadOnlyCollection<string> BlockFields { get; } =
        ["rate", "publishers", "subscribers", "messageBytes", "persistent", "qos", "subject", "maxInFlight", "drain", "lagTolerance", "maxLateFraction"];

    public override WorkloadPlan? Resolve(DriverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = context.Values;
        var workload = context.Workload;
        context.OperationNames.Add(PubSubWorkloadPlan.DeliverOperation);
        if (workload.Model is { } model)
        {
            values.Diagnostics.Error(model.Location, model.FieldPath, "the pubsub driver publishes at its own rate; workload.model does not apply",
                "remove model and set the total publish rate under workload.pubsub, e.g. pubsub: {rate: 1000/s}");
        }
        if (context.Block is not { } block)
        {
            values.Required(workload, Block!);
            return null;
        }

        var rateScalar = block.Scalar("rate");
        if (rateScalar is null) values.Required(new BlockNode(block.Path, block.Location), "rate");
        var rate = values.RatePerSecond(rateScalar);
        var publishers = values.Integer(block.Scalar("publishers"), 1, MaxConnections) ?? 1;
        var subscribers = values.Integer(block.Scalar("subscribers"), 1, MaxConnections) ?? 1;
        var messageBytes = MessageBytes(values, block.Scalar("messageBytes"));
        var persistent = Boolean(values, block.Scalar("persistent")) ?? false;
        var qos = Qos(values, block.Scalar("qos"), persistent);
        var subject = Subject(values, block.Scalar("subject"));
        var maxInFlight = values.Integer(block.Scalar("maxInFlight"), 1, 1_000_000) ?? DefaultMaxInFlight;
        var drain = values.Duration(block.Scalar("drain"), allowZero: true) ?? DefaultDrain;
        var lagTolerance = values.Duration(block.Scalar("lagTolerance"), allowZero: false) ?? DefaultLagTolerance;
        var maxLateFraction = values.Number(block.Scalar("maxLateFraction"), 0, exclusiveMin: false, max: 1) ?? DefaultMaxLateFraction;

        var common = context.Common;
        if (common.Target is null || common.Duration is null || rate is null || messageBytes is null || qos is null || subject is null || workload.Model is not null)
            return null;
        return new PubSubWorkloadPlan(
            common.Target, rate.Value, publishers, subscribers, messageBytes.Value, persistent, qos.Value, subject, maxInFlight, drain,
            lagTolerance, maxLateFraction, common.WarmUp, common.Duration.Value, common.Timeout);
    }

    private static int? MessageBytes(ValueReader values, Scalar? scalar)
    {
        if (scalar is null) return 256;
        if (values.ByteSize(scalar) is not { } bytes) return null;
        if (bytes is >= MinMessageBytes and <= MaxMessageBytes) return (int)bytes;
        values.Error(scalar, $"must be from {MinMessageBytes} bytes to 1Mi, got {scalar.Text}",
            $"every message carries a {MinMessageBytes}-byte header (publisher, sequence number, send time), e.g. messageBytes: 256");
        return null;
    }

    private static bool? Boolean(ValueReader values, Scalar? scalar) => values.OneOf(scalar, ["true", "false"]) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    /// <summary>MQTT's quality of service; persistent delivery needs 1, because QoS 0 messages are never stored.</summary>
    private static int? Qos(ValueReader values, Scalar? scalar, bool persistent)
    {
        if (scalar is null) return persistent ? 1 : 0;
        if (values.Integer(scalar, 0, 1) is not { } qos) return null;
        if (qos == 0 && persistent)
        {
            values.Error(scalar, "persistent delivery needs qos 1: an MQTT broker never stores QoS 0 messages", "set qos: 1, or persistent: false");
            return null;
        }
        return qos;
    }

    /// <summary>One name all three brokers accept as it is: no spaces and no wildcards of any of them.</summary>
    private static string? Subject(ValueReader values, Scalar? scalar)
    {
        if (scalar is null) return DefaultSubject;
        if (values.Text(scalar) is not { } subject) return null;
        if (subject.Length is > 0 and <= 200 && !subject.Any(c => char.IsWhiteSpace(c) || c is '*' or '>' or '#' or '+' || char.IsControl(c))
            && !subject.StartsWith('$') && !subject.StartsWith('.') && !subject.EndsWith('.') && !subject.Contains("..", StringComparison.Ordinal))
        {
            return subject;
        }
        values.Error(scalar, $"'{subject}' cannot be a subject on every broker",
            "use letters, digits, '.', '-', '_' or '/' (no spaces, no wildcards *, >, #, +; not starting with $), at most 200 characters, e.g. subject: orders.created");
        return null;
    }

    private sealed record BlockNode(string FieldPath, SourceLocation Location) : SpecNode(FieldPath, Location);
}

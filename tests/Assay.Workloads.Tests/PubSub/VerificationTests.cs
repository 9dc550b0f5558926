using Assay.Core.Measurements;
using Assay.Workloads.PubSub;

namespace Assay.Workloads.Tests.PubSub;

/// <summary>
/// A fast wrong answer is an error, not throughput: a subscriber fed a crafted sequence of messages finds
/// every duplicate, reordering, loss and foreign or corrupted message, and the measurement counts them as
/// failed deliveries.
/// </summary>
public sealed class VerificationTests
{
    [Fact]
    public void A_subscriber_classifies_duplicates_reordering_and_malformed_messages()
    {
        var run = PubSubPlans.WindowOpenNow(PubSubPlans.Plan(rate: 100, durationSeconds: 10));
        var recorder = new DeliveryRecorder(run);
        var subscriber = new SubscriberTally(run, recorder, 0);

        var deliveries = new[] { 0L, 1, 2, 2, 5, 4, 3, 6 }.Select(n => subscriber.Receive(PubSubPlans.Message(run, 0, n))).ToList();

        Assert.Equal(
            [Delivery.InOrder, Delivery.InOrder, Delivery.InOrder, Delivery.Duplicate, Delivery.InOrder, Delivery.Reordered, Delivery.Reordered, Delivery.InOrder],
            deliveries);
        Assert.Equal(Delivery.Malformed, subscriber.Receive(Corrupted(PubSubPlans.Message(run, 0, 7), at: 100)));
        Assert.Equal(Delivery.Malformed, subscriber.Receive(PubSubPlans.Message(run, 0, 7).AsSpan(0, 200)));
        Assert.Equal(Delivery.Malformed, subscriber.Receive(PubSubPlans.Message(PubSubPlans.WindowOpenNow(run.Plan, runMark: 999), 0, 7)));
        Assert.Equal(Delivery.Malformed, subscriber.Receive(PubSubPlans.Message(run, publisher: 3, 7)));
        Assert.Equal(Delivery.Malformed, subscriber.Receive(WithSendTime(run, 0, 7, run.DueAt(0, 7) + 1)));
        Assert.Equal(Delivery.Malformed, subscriber.Receive("not a message of this run"u8));

        Assert.Equal(5, recorder.InOrder);
        Assert.Equal(2, recorder.Reordered);
        Assert.Equal(1, recorder.Duplicates);
        Assert.Equal(6, recorder.Malformed);
        Assert.Equal(7, recorder.Latency.Count); // every first copy of a message of the run has a latency
    }

    [Fact]
    public void The_measurement_counts_lost_messages_per_subscriber_and_every_mistake_as_a_failed_delivery()
    {
        var plan = PubSubPlans.Plan(rate: 100, subscribers: 2, durationSeconds: 10);
        var run = PubSubPlans.WindowOpenNow(plan);
        var recorder = new DeliveryRecorder(run);
        var subscribers = new[] { new SubscriberTally(run, recorder, 0), new SubscriberTally(run, recorder, 1) };
        using var ledger = new PublishLedger(run, 0);
        for (long n = 0; n < 10; n++)
        {
            Assert.True(ledger.TryEnter());
            if (n == 9) ledger.Failed(n, run.DueAt(0, n), PublishLedger.Unconfirmed);
            else ledger.Confirmed(n, run.DueAt(0, n));
        }
        // Subscriber 0 gets 0-8 in order and a duplicate of 3; subscriber 1 misses 4 and 8 and gets 6 before 5.
        foreach (var n in new long[] { 0, 1, 2, 3, 3, 4, 5, 6, 7, 8 }) subscribers[0].Receive(PubSubPlans.Message(run, 0, n));
        foreach (var n in new long[] { 0, 1, 2, 3, 6, 5, 7 }) subscribers[1].Receive(PubSubPlans.Message(run, 0, n));

        var measurement = PubSubMeasurement.Build(run, recorder, subscribers, [ledger], new Dictionary<string, double>(), run.Clock.WindowEnd);

        Assert.Equal(new Dictionary<string, long> { ["duplicate"] = 1, ["lost"] = 2, ["reordered"] = 1, ["unconfirmed"] = 2 }, measurement.ErrorKinds);
        var deliver = Assert.Single(measurement.ByOperation);
        Assert.Equal("deliver", deliver.Name);
        Assert.Equal(9 + 6, measurement.Succeeded);
        Assert.Equal(6, measurement.Failed);
        Assert.Equal(9, measurement.Stats["published"]);
        Assert.Equal(18, measurement.Stats["expected"]);
        Assert.Equal(9 + 7, measurement.Stats["received"]);
        Assert.Equal(2, measurement.Stats["lost"]);
        Assert.Equal(1, measurement.Stats["publishFailed"]);
        Assert.Equal(measurement.Succeeded, measurement.PerSecond.Sum(s => s.Succeeded));
        // Lost messages count in the second they were due; the unconfirmed publish is counted in the operation only.
        Assert.Equal(measurement.Failed - 2, measurement.PerSecond.Sum(s => s.Failed));
    }

    [Fact]
    public void Messages_due_during_warm_up_are_checked_but_not_measured()
    {
        var plan = PubSubPlans.Plan(rate: 10, warmUpSeconds: 60, durationSeconds: 10);
        var run = new PubSubRun(plan, new Assay.Workloads.Http.RunClock(System.Diagnostics.Stopwatch.GetTimestamp(), plan.WarmUp, plan.Duration), 1);
        var recorder = new DeliveryRecorder(run);
        var subscriber = new SubscriberTally(run, recorder, 0);

        subscriber.Receive(PubSubPlans.Message(run, 0, 0));
        Assert.Equal(Delivery.Duplicate, subscriber.Receive(PubSubPlans.Message(run, 0, 0)));

        Assert.Equal((1, 1), recorder.Totals(WorkloadStage.WarmingUp));
        Assert.Equal((0, 0), recorder.Totals(WorkloadStage.Measuring));
        Assert.Equal(0, recorder.Latency.Count);
    }

    private static byte[] Corrupted(byte[] message, int at)
    {
        message[at] ^= 0xFF;
        return message;
    }

    private static byte[] WithSendTime(PubSubRun run, int publisher, long sequence, long due)
    {
        var body = run.Format.NewMessage();
        run.Format.Write(body, publisher, sequence, due);
        return body;
    }
}

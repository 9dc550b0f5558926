using Assay.Workloads.PubSub;
using Assay.Workloads.PubSub.Brokers;

namespace Assay.Workloads.Tests.PubSub;

public sealed class ConfirmTrackerTests
{
    [Fact]
    public void Acks_one_at_a_time_many_at_once_out_of_order_and_nacks_each_resolve_once()
    {
        var run = PubSubPlans.WindowOpenNow(PubSubPlans.Plan(rate: 100, durationSeconds: 10));
        using var ledger = new PublishLedger(run, 0);
        var tracker = new ConfirmTracker(ledger);
        for (ulong tag = 1; tag <= 8; tag++)
        {
            Assert.True(ledger.TryEnter());
            tracker.Add(tag, (long)tag - 1, run.DueAt(0, (long)tag - 1));
        }

        tracker.Answer(3, multiple: true, acked: true);     // 1-3
        tracker.Answer(5, multiple: false, acked: true);    // early: 4 is still open
        Assert.Equal(5, ledger.Outstanding);
        tracker.Answer(4, multiple: false, acked: false);   // 4 nacked, then 5 resolves
        Assert.Equal(3, ledger.Outstanding);
        tracker.Answer(6, multiple: true, acked: true);     // 6
        tracker.Abandon();                                  // 7 and 8 never answered

        Assert.Equal(0, ledger.Outstanding);
        Assert.Equal(5, ledger.Published.Count(0, 8));
        Assert.False(ledger.Published.Get(3));
        Assert.Equal(new Dictionary<string, long> { ["publish"] = 1, ["unconfirmed"] = 2 }, ledger.WindowFailures());
    }
}

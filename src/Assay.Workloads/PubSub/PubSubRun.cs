using Assay.Core.Plans;
using Assay.Workloads.Http;

namespace Assay.Workloads.PubSub;

/// <summary>
/// What the publishers and subscribers of one run share: the plan, the timeline, the schedule, the message
/// format. Message k of the run (all publishers together) is due at start + k / rate; publisher p sends
/// k = p, p + P, p + 2P… as its sequence numbers 0, 1, 2…
/// </summary>
internal sealed class PubSubRun
{
    public PubSubRun(PubSubWorkloadPlan plan, RunClock clock, int runMark)
    {
        Plan = plan;
        Clock = clock;
        Format = new MessageFormat(runMark, plan.MessageBytes);
        var schedule = new OpenSchedule(clock.Start, plan.RatePerSecond);
        Schedule = new ScheduleRecorder(schedule, plan.RatePerSecond, plan.LagTolerance, plan.MaxLateFraction, clock);
        // Every message a publisher may send is due before the planned end of the window.
        var total = schedule.FirstDueAtOrAfter(clock.PlannedWindowEnd);
        SequenceCapacity = (total / plan.Publishers) + 1;
    }

    public PubSubWorkloadPlan Plan { get; }

    public RunClock Clock { get; }

    public MessageFormat Format { get; }

    public ScheduleRecorder Schedule { get; }

    /// <summary>Sequence numbers a publisher can use: more are never due inside the planned run.</summary>
    public long SequenceCapacity { get; }

    public long DueAt(int publisher, long sequence) => Schedule.Schedule.DueAt(publisher + (sequence * Plan.Publishers));

    /// <summary>The sequence numbers of a publisher whose messages fall due in [from, to).</summary>
    public (long First, long End) SequencesDueIn(int publisher, long from, long to)
    {
        var schedule = Schedule.Schedule;
        return (FirstSequenceAtOrAfter(publisher, schedule.FirstDueAtOrAfter(from)), FirstSequenceAtOrAfter(publisher, schedule.FirstDueAtOrAfter(to)));
    }

    /// <summary>Whether a message due at <paramref name="due"/> belongs to the measured window.</summary>
    public bool InWindow(long due) => due >= Clock.WindowStart && due < Clock.WindowEnd;

    private long FirstSequenceAtOrAfter(int publisher, long message) =>
        Math.Min(SequenceCapacity, Math.Max(0, (message - publisher + Plan.Publishers - 1) / Plan.Publishers));
}

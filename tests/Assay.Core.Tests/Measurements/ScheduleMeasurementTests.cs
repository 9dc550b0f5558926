using Assay.Core.Measurements;
using Assay.Testing;
using static Assay.Core.Tests.Samples;

namespace Assay.Core.Tests.Measurements;

public class ScheduleMeasurementTests
{
    [Fact]
    public void Late_and_unsent_requests_both_count_as_behind()
    {
        var schedule = Schedule(late: 3, unsent: 2);
        Assert.Equal(0.005, schedule.BehindFraction);
        Assert.True(schedule.BehindSchedule);
    }

    [Fact]
    public void A_generator_that_kept_every_send_on_time_is_not_behind()
    {
        var schedule = Schedule(late: 0, unsent: 0);
        Assert.Equal(0, schedule.BehindFraction);
        Assert.False(schedule.BehindSchedule);
        Assert.True(schedule.Valid);
        Assert.Null(schedule.Reason);
    }

    [Fact]
    public void Exactly_the_allowed_fraction_behind_is_still_valid()
    {
        // 6 late + 4 unsent of 1000 = 1%, the limit itself.
        var schedule = Schedule(late: 6, unsent: 4, maxLateFraction: 0.01);
        Assert.Equal(0.01, schedule.BehindFraction);
        Assert.True(schedule.Valid);
        Assert.Null(schedule.Reason);
    }

    [Fact]
    public void One_request_more_than_allowed_makes_the_measurement_invalid_and_says_why()
    {
        var schedule = Schedule(late: 6, unsent: 5, maxLateFraction: 0.01);
        Assert.Equal(0.011, schedule.BehindFraction);
        Assert.False(schedule.Valid);
        Assert.Equal(
            "the load generator fell behind its schedule: 6 late and 5 unsent of 1000 requests due at 100/s (1.1 % > 1.0 % allowed)",
            schedule.Reason);
    }

    [Fact]
    public void A_schedule_with_no_tolerance_is_invalid_after_a_single_late_send()
    {
        Assert.True(Schedule(late: 0, unsent: 0, maxLateFraction: 0).Valid);
        Assert.False(Schedule(late: 1, unsent: 0, maxLateFraction: 0).Valid);
    }

    [Fact]
    public void An_empty_schedule_is_zero_behind_and_valid()
    {
        var schedule = new ScheduleMeasurement(100, 0, 0, 0, 0, 0, 0, 0.01);
        Assert.Equal(0, schedule.BehindFraction);
        Assert.True(schedule.Valid);
    }

    [Fact]
    public void The_reason_writes_numbers_in_the_invariant_culture_whatever_the_current_one()
    {
        var schedule = new ScheduleMeasurement(1_234.5, 2_000, 1_990, 26, 10, 0.4, 2.5, 0.015);
        var reason = CommaCulture.Run(() => schedule.Reason);
        Assert.Equal(
            "the load generator fell behind its schedule: 26 late and 10 unsent of 2000 requests due at 1234.5/s (1.8 % > 1.5 % allowed)",
            reason);
    }
}

using Assay.Core.Capacity;
using Assay.Core.Plans;

namespace Assay.Core.Tests.Capacity;

public sealed class CapacityWorkloadTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(2);

    private static HttpWorkloadPlan Http(LoadModel model, double warmUpSeconds = 5) => new(
        new TargetPlan("web", null, null),
        [new HttpRequestPlan("compute", 1, "GET", "/compute", null, new Dictionary<string, string>(), [200])],
        model,
        TimeSpan.FromSeconds(warmUpSeconds),
        TimeSpan.FromSeconds(60),
        TimeSpan.FromSeconds(5));

    [Fact]
    public void An_open_workload_keeps_its_connections_and_tolerances_at_the_step_rate()
    {
        var open = new OpenModel(50, 16, TimeSpan.FromMilliseconds(5), 0.02);

        var step = CapacityWorkload.AtRate(Http(open), 400, Step);

        Assert.Equal(new OpenModel(400, 16, TimeSpan.FromMilliseconds(5), 0.02), step.Model);
        Assert.Equal(Step, step.Duration);
        Assert.Equal(TimeSpan.FromSeconds(1), step.WarmUp);
        Assert.Equal(TimeSpan.FromSeconds(5), step.Timeout);
        Assert.IsType<HttpWorkloadPlan>(step);
    }

    [Fact]
    public void A_closed_workload_becomes_open_with_the_resolver_defaults_or_its_own_larger_connection_count()
    {
        var few = CapacityWorkload.AtRate(Http(new ClosedModel(10, TimeSpan.Zero, TimeSpan.Zero)), 75.5, Step);
        var many = CapacityWorkload.AtRate(Http(new ClosedModel(500, TimeSpan.Zero, TimeSpan.Zero)), 75.5, Step);

        Assert.Equal(new OpenModel(75.5, 100, TimeSpan.FromMilliseconds(10), 0.01), few.Model);
        Assert.Equal(500, Assert.IsType<OpenModel>(many.Model).MaxConnections);
    }

    [Fact]
    public void A_shorter_warm_up_is_kept()
    {
        var step = CapacityWorkload.AtRate(Http(new ClosedModel(1, TimeSpan.Zero, TimeSpan.Zero), warmUpSeconds: 0.25), 10, Step);

        Assert.Equal(TimeSpan.FromSeconds(0.25), step.WarmUp);
    }

    [Fact]
    public void A_pubsub_workload_publishes_at_the_step_rate()
    {
        var pubsub = new PubSubWorkloadPlan(new TargetPlan("broker", null, null), 100, 2, 2, 128, false, 0, "assay", 64,
            TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(10), 0.01, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));

        var step = Assert.IsType<PubSubWorkloadPlan>(CapacityWorkload.AtRate(pubsub, 3200, Step));

        Assert.Equal(3200, step.RatePerSecond);
        Assert.Equal(new OpenModel(3200, 64, TimeSpan.FromMilliseconds(10), 0.01), step.Model);
        Assert.Equal(Step, step.Duration);
    }
}

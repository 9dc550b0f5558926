using Assay.Core.Measurements;

namespace Assay.Core.Tests.Measurements;

public class ComponentUsageTests
{
    [Fact]
    public void Combining_replicas_adds_their_cpu_and_memory_and_drops_the_series()
    {
        ComponentUsage[] replicas =
        [
            new("web", 0, 1.5, 0.25, 100, 80, [new UsageSample(0, 0, 100)]),
            new("web", 1, 2.5, 0.5, 120, 90, []),
        ];
        var combined = ComponentUsage.Combine("web", replicas);
        Assert.Equal(("web", -1), (combined.Component, combined.Replica));
        Assert.Equal((4.0, 0.75), (combined.CpuSeconds, combined.CpuCoresAvg));
        Assert.Equal((220L, 170L), (combined.MemoryPeakBytes, combined.MemoryAvgBytes));
        Assert.Empty(combined.Series);
    }
}

using Assay.Core.Cost;

namespace Assay.Core.Tests.Cost;

public class CostProjectorTests
{
    /// <summary>2 vCPU, 8 GiB at $0.10/h.</summary>
    private static readonly PricedNode Node = new("test/node", Market.OnDemand, new ResourceRates(0.04, 0.0025), 0.10, 2, 8, "test prices");

    [Fact]
    public void Cores_decide_when_the_load_is_cpu_bound()
    {
        // 1000/s on 0.75 cores = 1333.33/s per core; 10000/s needs 7.5 cores; memory 0.5 GiB × 10 = 5 GiB.
        // ⌈max(7.5 / 2, 5 / 8)⌉ = ⌈3.75⌉ = 4 nodes; 4 × 0.10 × 730 = $292.
        var (projection, reason) = CostProjector.Project(Node, 10_000, "requests", 1000, 0.75, 0.5);
        Assert.Null(reason);
        Assert.Equal(1000 / 0.75, projection!.ThroughputPerCore, 9);
        Assert.Equal(7.5, projection.CoresNeeded, 9);
        Assert.Equal(5, projection.MemoryGiBNeeded, 9);
        Assert.Equal(4, projection.Nodes);
        Assert.Equal(292, projection.Monthly, 9);
    }

    [Fact]
    public void Memory_decides_when_the_load_is_memory_bound()
    {
        // Memory 2 GiB × 10 copies = 20 GiB: ⌈max(3.75, 20 / 8 = 2.5)⌉ = 4; with 4 GiB × 10 = 40 GiB: ⌈40 / 8⌉ = 5 nodes.
        Assert.Equal(4, CostProjector.Project(Node, 10_000, "requests", 1000, 0.75, 2).Projection!.Nodes);
        var (memoryBound, _) = CostProjector.Project(Node, 10_000, "requests", 1000, 0.75, 4);
        Assert.Equal(5, memoryBound!.Nodes);
        Assert.Equal(5 * 0.10 * 730, memoryBound.Monthly, 9);
    }

    [Fact]
    public void Whole_nodes_are_rounded_up_but_floating_point_noise_is_not()
    {
        // 300/s on 0.1 + 0.2 cores (0.30000000000000004 in binary): 2000/s needs 2.0000000000000004 cores, one 2-vCPU node.
        var noisy = CostProjector.Project(Node, 2000, "requests", 300, 0.1 + 0.2, 0.1).Projection!;
        Assert.Equal(1, noisy.Nodes);
        // A real excess still takes another node: 2.02 cores on 2 vCPU nodes is 2 nodes.
        Assert.Equal(2, CostProjector.Project(Node, 2020, "requests", 300, 0.3, 0.1).Projection!.Nodes);
    }

    [Fact]
    public void A_small_target_still_takes_one_node_and_keeps_the_measured_memory()
    {
        // 100/s is a tenth of what was measured: 0.075 cores, but memory stays at the measured 6 GiB (copies at least 1).
        var projection = CostProjector.Project(Node, 100, "requests", 1000, 0.75, 6).Projection!;
        Assert.Equal((1, 6.0), (projection.Nodes, projection.MemoryGiBNeeded));
        Assert.Equal(73, projection.Monthly, 9);
    }

    [Fact]
    public void The_assumptions_read_as_sentences_with_the_figures()
    {
        var projection = CostProjector.Project(Node, 10_000, "requests", 1000, 0.75, 0.5).Projection!;
        Assert.Equal(
        [
            "throughput grows linearly with cores: 1333.3333 requests/s per core measured (1000 requests/s on 0.75 cores, the sum of the components' average cores; the load generator is not counted)",
            "cores needed = 10000/s ÷ 1333.3333/s per core = 7.5",
            "memory grows with the copies of the measured deployment the rate needs (10000 ÷ 1000, at least 1 = 10): 0.5 GiB × 10 = 5 GiB (each component's larger of its request and its peak working set)",
            "whole test/node nodes (2 vCPU, 8 GiB), packed with no system reserve or headroom: ⌈max(7.5 ÷ 2, 5 ÷ 8)⌉ = 4 nodes",
            "730 hours a month (8760 ÷ 12) at $0.1/h (on-demand): 4 × $0.1 × 730 = $292",
        ], projection.Assumptions);
    }

    [Fact]
    public void Without_a_node_size_resources_are_billed_by_the_hour()
    {
        // (7.5 × 0.036 + 5 × 0.0036) × 730 = (0.27 + 0.018) × 730 = 210.24.
        var projection = CostProjector.Project(CostSamples.Custom(null, null), 10_000, "requests", 1000, 0.75, 0.5).Projection!;
        Assert.Null(projection.Nodes);
        Assert.Equal(210.24, projection.Monthly, 9);
    }

    [Fact]
    public void Nothing_measured_means_no_projection()
    {
        Assert.Equal("no monthly projection: the components used no measurable CPU", CostProjector.Project(Node, 100, "messages", 50, 0, 1).Reason);
        Assert.Null(CostProjector.Project(Node, 100, "messages", 0, 1, 1).Projection);
    }
}

using Assay.Core.Cost;

namespace Assay.Core.Tests.Cost;

public class PriceSplitTests
{
    [Fact]
    public void GCPs_published_E2_split_adds_up_to_the_e2_standard_2_price()
    {
        // REFERENCE §3: 2 × 0.021811 + 8 × 0.002923 = 0.043622 + 0.023384 = 0.067006.
        var e2 = new ResourceRates(0.021811, 0.002923);
        Assert.Equal(0.067006, e2.NodePerHour(2, 8), 12);
        Assert.Equal(0.134012, e2.NodePerHour(4, 16), 12);
    }

    [Fact]
    public void OpenCosts_ratio_is_its_default_cpu_price_over_its_default_ram_price()
    {
        // 0.031611 / 0.004237: 0.004237 × 7.46 = 0.03160802, and the rest 0.00000298 / 0.004237 = 0.000703.
        Assert.Equal(7.460703, PriceSplit.OpenCostRatio, 6);
    }

    [Fact]
    public void An_AWS_m5_large_splits_as_worked_on_paper()
    {
        // m5.large: 2 vCPU, 8 GiB, $0.096/h. vCPU·r + GiB = 2 × 7.460703 + 8 = 22.921406;
        // P_ram = 0.096 / 22.921406 = 0.00418822; P_cpu = 7.460703 × 0.00418822 = 0.0312471.
        var rates = PriceSplit.OpenCost(0.096, 2, 8);
        Assert.Equal(0.00418822, rates.MemoryPerGiBHour, 8);
        Assert.Equal(0.0312471, rates.CpuPerCoreHour, 7);
        // The split keeps the node's price: 2 × 0.0312471 + 8 × 0.00418822 = 0.0960.
        Assert.Equal(0.096, rates.NodePerHour(2, 8), 12);
        Assert.Equal(PriceSplit.OpenCostRatio, rates.CpuPerCoreHour / rates.MemoryPerGiBHour, 9);
    }

    [Fact]
    public void A_node_without_memory_puts_its_whole_price_on_cpu()
    {
        var rates = PriceSplit.OpenCost(0.05, 2, 0);
        Assert.Equal(0.025, rates.CpuPerCoreHour, 12);
        Assert.Equal(0.05, rates.NodePerHour(2, 0), 12);
    }

    [Fact]
    public void The_N100_example_of_the_reference_costs_0_00889_an_hour()
    {
        // $180, no salvage, 3 years, 12 W, $0.17/kWh: 180 / 26280 = 0.00684932 and 0.012 × 0.17 = 0.00204.
        var n100 = new HomeLabModel(Capex: 180, Salvage: 0, LifeYears: 3, AverageWatts: 12, PricePerKWh: 0.17);
        Assert.Equal(0.00684932, HomeLabCost.DepreciationPerHour(n100), 8);
        Assert.Equal(0.00204, HomeLabCost.EnergyPerHour(n100), 12);
        Assert.Equal(0.00889, HomeLabCost.PerHour(n100), 5);
        Assert.Equal("($180 − $0) / (3 y × 8760 h) + 12 W / 1000 × $0.17/kWh = $0.006849 + $0.00204", HomeLabCost.Explain(n100));
    }

    [Fact]
    public void Salvage_value_lowers_the_depreciation()
    {
        // (180 − 60) / (3 × 8760) = 120 / 26280 = 0.00456621.
        var n100 = new HomeLabModel(180, 60, 3, 0, 0.17);
        Assert.Equal(0.00456621, HomeLabCost.PerHour(n100), 8);
    }
}

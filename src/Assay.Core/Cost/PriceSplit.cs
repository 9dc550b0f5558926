namespace Assay.Core.Cost;

/// <summary>
/// Splits a node's hourly price into a price per core-hour and per GiB-hour the way OpenCost does when
/// only the node price is known: CPU and memory keep the ratio of OpenCost's shipped default prices,
/// r = 0.031611 / 0.004237 ≈ 7.4607, and together they add up to the node price:
/// P_ram = price / (vCPU·r + GiB), P_cpu = r·P_ram. (OpenCost, pkg/costmodel/costmodel.go; configs/default.json.)
/// </summary>
public static class PriceSplit
{
    /// <summary>OpenCost's shipped default CPU price, $ per core-hour (configs/default.json).</summary>
    public const double OpenCostCpuPerCoreHour = 0.031611;

    /// <summary>OpenCost's shipped default RAM price, $ per GiB-hour (configs/default.json).</summary>
    public const double OpenCostMemoryPerGiBHour = 0.004237;

    /// <summary>r, the price of a core in GiB of memory: 0.031611 / 0.004237 ≈ 7.4607.</summary>
    public const double OpenCostRatio = OpenCostCpuPerCoreHour / OpenCostMemoryPerGiBHour;

    /// <summary>The per-resource prices of a node priced as a whole, at OpenCost's CPU:RAM ratio.</summary>
    public static ResourceRates OpenCost(double nodePerHour, double vcpus, double memoryGiB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodePerHour);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vcpus);
        ArgumentOutOfRangeException.ThrowIfNegative(memoryGiB);
        var memory = nodePerHour / (vcpus * OpenCostRatio + memoryGiB);
        return new ResourceRates(OpenCostRatio * memory, memory);
    }
}

/// <summary>
/// A home-lab machine's hourly price: its purchase spread over its life, plus the electricity it draws.
/// $/h = (capex − salvage) / (life_years × 8760) + watts / 1000 × $/kWh. REFERENCE's example: $180, 3 years,
/// 12 W, $0.17/kWh → 0.00685 + 0.00204 = $0.00889/h.
/// </summary>
public static class HomeLabCost
{
    /// <summary>365 days of 24 hours, the year the depreciation is spread over.</summary>
    public const double HoursPerYear = 8760;

    public static double DepreciationPerHour(HomeLabModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (model.Capex - model.Salvage) / (model.LifeYears * HoursPerYear);
    }

    public static double EnergyPerHour(HomeLabModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.AverageWatts / 1000 * model.PricePerKWh;
    }

    public static double PerHour(HomeLabModel model) => DepreciationPerHour(model) + EnergyPerHour(model);

    /// <summary>The formula with the figures, for assumption texts.</summary>
    public static string Explain(HomeLabModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"({CostText.Dollars(model.Capex)} − {CostText.Dollars(model.Salvage)}) / ({CostText.Number(model.LifeYears)} y × 8760 h) "
            + $"+ {CostText.Number(model.AverageWatts)} W / 1000 × {CostText.Dollars(model.PricePerKWh)}/kWh "
            + $"= {CostText.Dollars(DepreciationPerHour(model))} + {CostText.Dollars(EnergyPerHour(model))}";
    }
}

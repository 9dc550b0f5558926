using Assay.Core.Plans;
using Assay.Workloads.Http;

namespace Assay.Workloads;

/// <summary>Picks the driver for a workload plan.</summary>
public static class WorkloadDrivers
{
    public static IWorkloadDriver Create(WorkloadPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan switch
        {
            HttpWorkloadPlan => new HttpDriver(),
            SqlWorkloadPlan => new Sql.SqlDriver(),
            KvWorkloadPlan => new Kv.KvDriver(),
            PubSubWorkloadPlan => new PubSub.PubSubDriver(),
            MetricsIngestWorkloadPlan => new MetricsIngest.MetricsIngestDriver(),
            LogsIngestWorkloadPlan => new LogsIngest.LogsIngestDriver(),
            _ => throw new NotSupportedException(
                $"There is no workload driver for '{plan.Driver}' yet; the drivers available are: {HttpWorkloadPlan.DriverName}."),
        };
    }
}

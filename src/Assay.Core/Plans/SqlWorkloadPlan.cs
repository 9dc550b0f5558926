using System.Text.Json.Serialization;

namespace Assay.Core.Plans;

/// <summary>Which transaction a SQL workload runs, pgbench's built-in scripts by name.</summary>
public enum SqlScenario
{
    /// <summary>pgbench's default: update an account, read it back, update its teller and branch, log to history.</summary>
    TpcbLike,
    /// <summary>pgbench <c>-S</c>: read one account's balance.</summary>
    SelectOnly,
}

/// <summary>
/// SQL load (PostgreSQL, MariaDB): pgbench's TPC-B-like transaction or its select-only variant over
/// pgbench's schema at a scale factor (scale × 100,000 accounts), loaded before the warm-up.
/// </summary>
/// <param name="Prepared">Statements prepared once per connection (pgbench <c>-M prepared</c>); else sent with
/// parameters unprepared (pgbench <c>-M extended</c>).</param>
public sealed record SqlWorkloadPlan(
    TargetPlan Target,
    SqlScenario Scenario,
    int Scale,
    bool Prepared,
    LoadModel Model,
    TimeSpan WarmUp,
    TimeSpan Duration,
    TimeSpan Timeout) : WorkloadPlan(Model, WarmUp, Duration, Timeout)
{
    public const string DriverName = "sql";

    /// <summary>The operation of the TPC-B-like scenario: one whole transaction.</summary>
    public const string TransactionOperation = "transaction";

    /// <summary>The operation of the select-only scenario.</summary>
    public const string SelectOperation = "select";

    /// <summary>Accounts per unit of scale, as in pgbench.</summary>
    public const int AccountsPerScale = 100_000;

    // [JsonIgnore] again on the overrides: see HttpWorkloadPlan.
    [JsonIgnore]
    public override string Driver => DriverName;

    [JsonIgnore]
    public override string OperationUnit => "transactions";

    [JsonIgnore]
    public override IReadOnlyDictionary<string, TargetPlan> Targets => new Dictionary<string, TargetPlan> { [TargetRole] = Target };

    /// <summary>The one operation this scenario measures.</summary>
    [JsonIgnore]
    public string Operation => OperationOf(Scenario);

    public static string OperationOf(SqlScenario scenario) =>
        scenario == SqlScenario.TpcbLike ? TransactionOperation : SelectOperation;
}

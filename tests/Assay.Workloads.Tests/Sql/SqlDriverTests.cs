using System.Data.Common;
using System.Globalization;
using Assay.Core.Plans;
using Assay.Workloads.Sessions;
using Assay.Workloads.Sql;
using Assay.Workloads.Tests.DataStores;

namespace Assay.Workloads.Tests.Sql;

/// <summary>The sql driver against a real server, the same tests for each dialect.</summary>
public abstract class SqlDriverTests(DataServer server)
{
    [Fact(Timeout = 120_000)]
    public async Task Tpcb_like_transactions_commit_verified_and_leave_the_books_balanced()
    {
        var plan = Plan(SqlScenario.TpcbLike, prepared: true, new ClosedModel(4, TimeSpan.Zero, TimeSpan.Zero));

        var measurement = await new SqlDriver().RunAsync(Run(plan), null, CancellationToken.None);

        var transaction = Assert.Single(measurement.ByOperation);
        Assert.Equal("transaction", transaction.Name);
        Assert.True(transaction.Total > 10, $"only {transaction.Total} transactions in 2 s");
        Assert.True(measurement.Failed == 0, string.Join(", ", measurement.ErrorKinds.Select(k => $"{k.Key}: {k.Value}")));
        Assert.Equal(transaction.Total, transaction.Latency.Count);
        Assert.True(measurement.Stats["loadSeconds"] > 0);
        Assert.Equal(1, measurement.Stats["scale"]);

        // Every committed transaction moved the same delta through an account, a teller, a branch and history.
        await using var connection = await ConnectAsync();
        var accounts = await ScalarAsync(connection, "SELECT SUM(abalance) FROM pgbench_accounts");
        Assert.Equal(accounts, await ScalarAsync(connection, "SELECT SUM(tbalance) FROM pgbench_tellers"));
        Assert.Equal(accounts, await ScalarAsync(connection, "SELECT SUM(bbalance) FROM pgbench_branches"));
        Assert.Equal(accounts, await ScalarAsync(connection, "SELECT SUM(delta) FROM pgbench_history"));
        Assert.True(await ScalarAsync(connection, "SELECT COUNT(*) FROM pgbench_history") >= transaction.Total);
        Assert.Equal(100_000, await ScalarAsync(connection, "SELECT COUNT(*) FROM pgbench_accounts"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Select_only_runs_unprepared_too()
    {
        var plan = Plan(SqlScenario.SelectOnly, prepared: false, new ClosedModel(4, TimeSpan.Zero, TimeSpan.Zero));

        var measurement = await new SqlDriver().RunAsync(Run(plan), null, CancellationToken.None);

        var select = Assert.Single(measurement.ByOperation);
        Assert.Equal("select", select.Name);
        Assert.True(select.Total > 100, $"only {select.Total} selects in 2 s");
        Assert.Equal(0, measurement.Failed);
    }

    [Fact(Timeout = 120_000)]
    public async Task Verification_catches_balances_changed_behind_the_drivers_back()
    {
        var plan = Plan(SqlScenario.SelectOnly, prepared: true, new ClosedModel(2, TimeSpan.Zero, TimeSpan.Zero));
        var tamper = new OnMeasuring(async () =>
        {
            await using var connection = await ConnectAsync();
            // A tenth of the accounts: quick enough to land early in a 2 s window on a busy machine, and hit by a tenth of the reads.
            await ExecuteAsync(connection, "UPDATE pgbench_accounts SET abalance = 7 WHERE aid % 10 = 0");
        });

        var measurement = await new SqlDriver().RunAsync(Run(plan), tamper, CancellationToken.None);
        await tamper.Started;

        Assert.True(tamper.Ran);
        Assert.True(measurement.ErrorKinds.GetValueOrDefault(ErrorKinds.Verification) > 0, "wrong balances went unnoticed");
        Assert.Equal(measurement.Failed, measurement.ErrorKinds[ErrorKinds.Verification]);
        Assert.True(measurement.Succeeded > 0, "most accounts still hold what they should");
    }

    [Fact(Timeout = 120_000)]
    public async Task Verification_catches_a_transaction_that_finds_no_account()
    {
        var plan = Plan(SqlScenario.TpcbLike, prepared: true, new ClosedModel(2, TimeSpan.Zero, TimeSpan.Zero));
        var tamper = new OnMeasuring(async () =>
        {
            await using var connection = await ConnectAsync();
            await ExecuteAsync(connection, "DELETE FROM pgbench_accounts WHERE aid > 50000");
        });

        var measurement = await new SqlDriver().RunAsync(Run(plan), tamper, CancellationToken.None);
        await tamper.Started;

        Assert.True(measurement.ErrorKinds.GetValueOrDefault(ErrorKinds.Verification) > 0, "UPDATEs that matched no row went unnoticed");
    }

    [Fact(Timeout = 120_000)]
    public async Task The_open_model_keeps_its_rate()
    {
        var plan = Plan(SqlScenario.SelectOnly, prepared: true, new OpenModel(100, 4, TimeSpan.FromMilliseconds(100), 0.2));

        var measurement = await new SqlDriver().RunAsync(Run(plan), null, CancellationToken.None);

        var schedule = Assert.IsType<Core.Measurements.ScheduleMeasurement>(measurement.Schedule);
        Assert.Equal(200, schedule.Scheduled);
        // Completions in the window: up to the 50 slots of the 0.5 s warm-up may still finish in it on a loaded machine.
        Assert.InRange(measurement.Succeeded, 150, 250);
        Assert.Equal(0, measurement.Failed);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_server_that_is_not_there_fails_the_run_naming_it()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var endpoint = server.Endpoint with { Address = new Uri($"{server.Endpoint.Address.Scheme}://127.0.0.1:{port}") };
        var plan = Plan(SqlScenario.SelectOnly, prepared: true, new ClosedModel(1, TimeSpan.Zero, TimeSpan.Zero));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new SqlDriver().RunAsync(new WorkloadRun(plan, new Dictionary<string, IReadOnlyList<TargetEndpoint>> { [WorkloadPlan.TargetRole] = [endpoint] }, 1), null, CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Endpoint.Connection["password"], failure.ToString(), StringComparison.Ordinal);
    }

    private WorkloadRun Run(SqlWorkloadPlan plan) =>
        new(plan, new Dictionary<string, IReadOnlyList<TargetEndpoint>> { [WorkloadPlan.TargetRole] = [server.Endpoint] }, 5);

    private static SqlWorkloadPlan Plan(SqlScenario scenario, bool prepared, LoadModel model) =>
        new(new TargetPlan("db", null, null), scenario, 1, prepared, model, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));

    private async Task<DbConnection> ConnectAsync()
    {
        var connection = SqlDialect.For(server.Endpoint.Address).CreateConnection(server.Endpoint, TimeSpan.FromSeconds(30));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class PostgresSqlDriverTests(PostgresServer server) : SqlDriverTests(server), IClassFixture<PostgresServer>;

public sealed class MariaDbSqlDriverTests(MariaDbServer server) : SqlDriverTests(server), IClassFixture<MariaDbServer>;

using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Assay.Core.Plans;
using Npgsql;

namespace Assay.Workloads.Sql;

/// <summary>PostgreSQL through Npgsql: positional parameters (<c>$1</c>), pgbench's own DDL and server-side data generation.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    public override string Protocol => "postgresql";

    public override bool PreparesTransactionControl => true;

    public override DbConnection CreateConnection(TargetEndpoint endpoint, TimeSpan commandTimeout)
    {
        var (user, password, database) = Credentials(endpoint);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = endpoint.Address.Host,
            Port = endpoint.Address.Port,
            Username = user,
            Password = password,
            Database = database,
            Pooling = false,
            SslMode = SslMode.Disable,
            Timeout = 15,
            CommandTimeout = commandTimeout == TimeSpan.Zero ? 0 : Seconds(commandTimeout),
            // Preparation is the workload's choice (prepared: true|false), never automatic.
            MaxAutoPrepare = 0,
            NoResetOnClose = true,
            ApplicationName = "assay-sql",
        };
        return new NpgsqlConnection(builder.ConnectionString);
    }

    public override string Parameter(int position) => "$" + position.ToString(CultureInfo.InvariantCulture);

    // Positional parameters have no name: Npgsql then sends the text as written, without rewriting it.
    protected override string ParameterName(int position) => "";

    public override IReadOnlyList<string> LoadStatements(int scale)
    {
        var accounts = (long)scale * SqlWorkloadPlan.AccountsPerScale;
        return
        [
            "DROP TABLE IF EXISTS pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers",
            "CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))",
            "CREATE TABLE pgbench_tellers (tid int not null, bid int, tbalance int, filler char(84)) WITH (fillfactor=100)",
            "CREATE TABLE pgbench_accounts (aid int not null, bid int, abalance int, filler char(84)) WITH (fillfactor=100)",
            "CREATE TABLE pgbench_branches (bid int not null, bbalance int, filler char(88)) WITH (fillfactor=100)",
            Invariant($"INSERT INTO pgbench_branches (bid, bbalance) SELECT bid, 0 FROM generate_series(1, {scale}) AS bid"),
            Invariant($"INSERT INTO pgbench_tellers (tid, bid, tbalance) SELECT tid, (tid - 1) / 10 + 1, 0 FROM generate_series(1, {10 * scale}) AS tid"),
            Invariant($"INSERT INTO pgbench_accounts (aid, bid, abalance, filler) SELECT aid, (aid - 1) / {SqlWorkloadPlan.AccountsPerScale} + 1, 0, '' FROM generate_series(1, {accounts}) AS aid"),
            "VACUUM ANALYZE pgbench_branches, pgbench_tellers, pgbench_accounts, pgbench_history",
            "ALTER TABLE pgbench_branches ADD PRIMARY KEY (bid)",
            "ALTER TABLE pgbench_tellers ADD PRIMARY KEY (tid)",
            "ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid)",
        ];
    }

    public override (string Kind, bool Answered, bool Usable) Classify(Exception exception) => exception switch
    {
        PostgresException server => ("sqlstate " + server.SqlState, true, true),
        NpgsqlException { InnerException: TimeoutException } => (Sessions.ErrorKinds.Timeout, false, false),
        TimeoutException => (Sessions.ErrorKinds.Timeout, false, false),
        NpgsqlException or IOException or SocketException or InvalidOperationException or ObjectDisposedException
            => (Sessions.ErrorKinds.Connection, false, false),
        _ => throw new InvalidOperationException($"The sql driver met an unexpected {exception.GetType().Name} from Npgsql: {exception.Message}", exception),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

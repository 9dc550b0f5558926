using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Assay.Core.Plans;
using MySqlConnector;

namespace Assay.Workloads.Sql;

/// <summary>
/// MariaDB (and MySQL) through MySqlConnector: pgbench's schema as InnoDB tables with their primary keys
/// from the start, filled from MariaDB's sequence engine a scale unit at a time.
/// </summary>
internal sealed class MariaDbDialect : SqlDialect
{
    public override string Protocol => "mysql";

    // Transaction control is sent as text; only the transaction's statements are server-side prepared.
    public override bool PreparesTransactionControl => false;

    public override DbConnection CreateConnection(TargetEndpoint endpoint, TimeSpan commandTimeout)
    {
        var (user, password, database) = Credentials(endpoint);
        var builder = new MySqlConnectionStringBuilder
        {
            Server = endpoint.Address.Host,
            Port = (uint)endpoint.Address.Port,
            UserID = user,
            Password = password,
            Database = database,
            Pooling = false,
            SslMode = MySqlSslMode.None,
            ConnectionTimeout = 15,
            DefaultCommandTimeout = commandTimeout == TimeSpan.Zero ? 0 : (uint)Seconds(commandTimeout),
            // Rows matched, not rows changed: an UPDATE adding a delta of 0 still finds its one row.
            UseAffectedRows = false,
            // Prepare() must really prepare on the server when the workload asks for it.
            IgnorePrepare = false,
            ApplicationName = "assay-sql",
        };
        return new MySqlConnection(builder.ConnectionString);
    }

    public override string Parameter(int position) => ParameterName(position);

    protected override string ParameterName(int position) => "@p" + position.ToString(CultureInfo.InvariantCulture);

    public override IReadOnlyList<string> LoadStatements(int scale)
    {
        var statements = new List<string>
        {
            "DROP TABLE IF EXISTS pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers",
            "CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime datetime, filler char(22)) ENGINE=InnoDB",
            "CREATE TABLE pgbench_tellers (tid int not null PRIMARY KEY, bid int, tbalance int, filler char(84)) ENGINE=InnoDB",
            "CREATE TABLE pgbench_accounts (aid int not null PRIMARY KEY, bid int, abalance int, filler char(84)) ENGINE=InnoDB",
            "CREATE TABLE pgbench_branches (bid int not null PRIMARY KEY, bbalance int, filler char(88)) ENGINE=InnoDB",
            Invariant($"INSERT INTO pgbench_branches (bid, bbalance) SELECT seq, 0 FROM seq_1_to_{scale}"),
            Invariant($"INSERT INTO pgbench_tellers (tid, bid, tbalance) SELECT seq, (seq - 1) DIV 10 + 1, 0 FROM seq_1_to_{10 * scale}"),
        };
        // One statement (one transaction) per 100,000 accounts keeps InnoDB's undo log small.
        for (var unit = 0; unit < scale; unit++)
        {
            var first = ((long)unit * SqlWorkloadPlan.AccountsPerScale) + 1;
            var last = first + SqlWorkloadPlan.AccountsPerScale - 1;
            statements.Add(Invariant($"INSERT INTO pgbench_accounts (aid, bid, abalance, filler) SELECT seq, {unit + 1}, 0, '' FROM seq_{first}_to_{last}"));
        }
        statements.Add("ANALYZE TABLE pgbench_branches, pgbench_tellers, pgbench_accounts, pgbench_history");
        return statements;
    }

    public override (string Kind, bool Answered, bool Usable) Classify(Exception exception) => exception switch
    {
        MySqlException { ErrorCode: MySqlErrorCode.CommandTimeoutExpired } => (Sessions.ErrorKinds.Timeout, false, false),
        MySqlException { InnerException: IOException or SocketException } or MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost }
            => (Sessions.ErrorKinds.Connection, false, false),
        MySqlException { Number: > 0 and < 5000 } server => ("mysql " + server.Number.ToString(CultureInfo.InvariantCulture), true, true),
        TimeoutException => (Sessions.ErrorKinds.Timeout, false, false),
        MySqlException or IOException or SocketException or InvalidOperationException or ObjectDisposedException
            => (Sessions.ErrorKinds.Connection, false, false),
        _ => throw new InvalidOperationException($"The sql driver met an unexpected {exception.GetType().Name} from MySqlConnector: {exception.Message}", exception),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Data;
using System.Data.Common;
using Assay.Core.Plans;

namespace Assay.Workloads.Sql;

/// <summary>
/// What differs between the SQL servers the driver speaks to: how to connect, how parameters are
/// written, how pgbench's schema is created and filled, and how errors are named. The transactions
/// themselves are the same statements everywhere.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>The endpoint scheme (catalog protocol) this dialect serves.</summary>
    public abstract string Protocol { get; }

    /// <summary>Whether BEGIN and COMMIT can be prepared like the other statements (pgbench prepares them on PostgreSQL).</summary>
    public abstract bool PreparesTransactionControl { get; }

    /// <summary>A new, unopened connection to the endpoint, with the driver's settings (no pooling, no TLS on loopback).</summary>
    public abstract DbConnection CreateConnection(TargetEndpoint endpoint, TimeSpan commandTimeout);

    /// <summary>The placeholder of parameter <paramref name="position"/> (1-based) in statement text.</summary>
    public abstract string Parameter(int position);

    /// <summary>Adds the int parameter at <paramref name="position"/> (1-based) to a command.</summary>
    public DbParameter AddParameter(DbCommand command, int position)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.DbType = DbType.Int32;
        parameter.ParameterName = ParameterName(position);
        parameter.Value = 0;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>The statements that drop, create and fill pgbench's four tables at a scale, in order.</summary>
    public abstract IReadOnlyList<string> LoadStatements(int scale);

    /// <summary>
    /// Why a statement failed, as an error kind: a server's own code (<c>sqlstate 40P01</c>), <c>timeout</c>
    /// or <c>connection</c>; and whether the connection can still be used.
    /// </summary>
    public abstract (string Kind, bool Answered, bool Usable) Classify(Exception exception);

    protected abstract string ParameterName(int position);

    /// <summary>The endpoint's database settings, with the catalog's names.</summary>
    protected static (string User, string Password, string Database) Credentials(TargetEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var connection = endpoint.Connection;
        return (connection.GetValueOrDefault("user", ""), connection.GetValueOrDefault("password", ""), connection.GetValueOrDefault("database", ""));
    }

    /// <summary>Seconds for a command timeout setting: at least one, rounded up.</summary>
    protected static int Seconds(TimeSpan timeout) => (int)Math.Clamp(Math.Ceiling(timeout.TotalSeconds), 1, int.MaxValue);

    public static SqlDialect For(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Scheme switch
        {
            "postgresql" => new PostgresDialect(),
            "mysql" => new MariaDbDialect(),
            _ => throw new ArgumentException(
                $"The sql driver speaks postgresql and mysql; the target '{address.Scheme}://{address.Authority}' speaks {address.Scheme}.", nameof(address)),
        };
    }
}

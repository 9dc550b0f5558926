using System.Data.Common;
using System.Globalization;
using Assay.Core.Plans;
using Assay.Workloads.Sessions;

namespace Assay.Workloads.Sql;

/// <summary>
/// One client of pgbench's scenarios on its own connection. TPC-B-like: BEGIN; UPDATE an account by a delta;
/// SELECT its balance; UPDATE a teller and a branch; INSERT into history; COMMIT — each statement a round
/// trip, as pgbench sends them, with pgbench's random choices. Select-only: one SELECT of an account.
/// Verified: every UPDATE and INSERT touches exactly one row, and the SELECT returns the balance the
/// account must have (<see cref="AccountBook"/>).
/// </summary>
internal sealed class SqlSession : ISession
{
    private readonly DbConnection _connection;
    private readonly SqlDialect _dialect;
    private readonly SqlScenario _scenario;
    private readonly int _scale;
    private readonly AccountBook _book;
    private readonly Random _random;
    private readonly Statement _begin;
    private readonly Statement _updateAccount;
    private readonly Statement _selectAccount;
    private readonly Statement _updateTeller;
    private readonly Statement _updateBranch;
    private readonly Statement _insertHistory;
    private readonly Statement _commit;
    private bool _usable = true;

    private SqlSession(DbConnection connection, SqlDialect dialect, SqlWorkloadPlan plan, AccountBook book, int seed)
    {
        _connection = connection;
        _dialect = dialect;
        _scenario = plan.Scenario;
        _scale = plan.Scale;
        _book = book;
        _random = new Random(seed);
        string P(int position) => dialect.Parameter(position);
        _begin = new Statement(this, "BEGIN", 0);
        _updateAccount = new Statement(this, $"UPDATE pgbench_accounts SET abalance = abalance + {P(1)} WHERE aid = {P(2)}", 2);
        _selectAccount = new Statement(this, $"SELECT abalance FROM pgbench_accounts WHERE aid = {P(1)}", 1);
        _updateTeller = new Statement(this, $"UPDATE pgbench_tellers SET tbalance = tbalance + {P(1)} WHERE tid = {P(2)}", 2);
        _updateBranch = new Statement(this, $"UPDATE pgbench_branches SET bbalance = bbalance + {P(1)} WHERE bid = {P(2)}", 2);
        _insertHistory = new Statement(this, $"INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ({P(1)}, {P(2)}, {P(3)}, {P(4)}, CURRENT_TIMESTAMP)", 4);
        _commit = new Statement(this, "COMMIT", 0);
    }

    public bool IsUsable => _usable;

    /// <summary>Connects and, for <see cref="SqlWorkloadPlan.Prepared"/>, prepares the scenario's statements on the server.</summary>
    public static async Task<ISession> OpenAsync(
        SqlDialect dialect, TargetEndpoint endpoint, SqlWorkloadPlan plan, AccountBook book, int seed, CancellationToken cancellationToken)
    {
        var connection = dialect.CreateConnection(endpoint, plan.Timeout);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var session = new SqlSession(connection, dialect, plan, book, seed);
            if (plan.Prepared) await session.PrepareAsync(cancellationToken);
            return session;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask<Outcome> RunAsync(int operation, CancellationToken cancellationToken) =>
        _scenario == SqlScenario.TpcbLike ? await TransactionAsync(cancellationToken) : await SelectAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _usable = false;
        foreach (var statement in new[] { _begin, _updateAccount, _selectAccount, _updateTeller, _updateBranch, _insertHistory, _commit })
            await statement.Command.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async ValueTask<Outcome> TransactionAsync(CancellationToken cancellationToken)
    {
        // pgbench's choices: \set aid random(1, 100000 * :scale), bid random(1, :scale), tid random(1, 10 * :scale), delta random(-5000, 5000).
        var aid = _random.Next(1, (_scale * SqlWorkloadPlan.AccountsPerScale) + 1);
        var bid = _random.Next(1, _scale + 1);
        var tid = _random.Next(1, (10 * _scale) + 1);
        var delta = _random.Next(-5000, 5001);
        var applied = false;
        try
        {
            await _begin.Command.ExecuteNonQueryAsync(cancellationToken);
            if (await _updateAccount.ExecuteAsync(cancellationToken, delta, aid) != 1) return await WrongAsync(aid, applied, cancellationToken);
            var balance = await _selectAccount.ScalarAsync(aid, cancellationToken);
            if (balance is null or DBNull) return await WrongAsync(aid, applied, cancellationToken);
            applied = true;
            if (!_book.ApplyAndCheck(aid, delta, Convert.ToInt64(balance, CultureInfo.InvariantCulture))) return await WrongAsync(aid, applied, cancellationToken);
            if (await _updateTeller.ExecuteAsync(cancellationToken, delta, tid) != 1
                || await _updateBranch.ExecuteAsync(cancellationToken, delta, bid) != 1
                || await _insertHistory.ExecuteAsync(cancellationToken, tid, bid, aid, delta) != 1)
            {
                return await WrongAsync(aid, applied, cancellationToken);
            }
            await _commit.Command.ExecuteNonQueryAsync(cancellationToken);
            return Outcome.Success;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Committed or not, nobody knows: that account's balance is no longer checked.
            if (applied) _book.Forget(aid);
            return await FailedAsync(e, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            if (applied) _book.Forget(aid);
            _usable = false;
            throw;
        }
    }

    private async ValueTask<Outcome> SelectAsync(CancellationToken cancellationToken)
    {
        var aid = _random.Next(1, (_scale * SqlWorkloadPlan.AccountsPerScale) + 1);
        try
        {
            var balance = await _selectAccount.ScalarAsync(aid, cancellationToken);
            return balance is not (null or DBNull) && _book.Check(aid, Convert.ToInt64(balance, CultureInfo.InvariantCulture))
                ? Outcome.Success
                : Outcome.Wrong(ErrorKinds.Verification);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await FailedAsync(e, cancellationToken);
        }
    }

    /// <summary>A wrong answer inside the transaction: forget the account if its delta was booked, roll back, report it.</summary>
    private async ValueTask<Outcome> WrongAsync(int aid, bool applied, CancellationToken cancellationToken)
    {
        if (applied) _book.Forget(aid);
        await RollBackAsync(cancellationToken);
        return Outcome.Wrong(ErrorKinds.Verification);
    }

    private async ValueTask<Outcome> FailedAsync(Exception exception, CancellationToken cancellationToken)
    {
        var (kind, answered, usable) = _dialect.Classify(exception);
        _usable = usable && _connection.State == System.Data.ConnectionState.Open;
        if (_usable && _scenario == SqlScenario.TpcbLike) await RollBackAsync(cancellationToken);
        return answered ? Outcome.Wrong(kind) : Outcome.Unanswered(kind);
    }

    /// <summary>Ends a transaction that will not commit; a connection that cannot even roll back is replaced.</summary>
    private async ValueTask RollBackAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var rollback = _connection.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _usable = false;
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var statements = _scenario == SqlScenario.SelectOnly
            ? [_selectAccount]
            : new[] { _updateAccount, _selectAccount, _updateTeller, _updateBranch, _insertHistory }
                .Concat(_dialect.PreparesTransactionControl ? [_begin, _commit] : []);
        foreach (var statement in statements) await statement.Command.PrepareAsync(cancellationToken);
    }

    /// <summary>A command and its int parameters, made once per connection and reused.</summary>
    private sealed class Statement
    {
        public Statement(SqlSession session, string text, int parameters)
        {
            Command = session._connection.CreateCommand();
            Command.CommandText = text;
            Parameters = [.. Enumerable.Range(1, parameters).Select(p => session._dialect.AddParameter(Command, p))];
        }

        public DbCommand Command { get; }

        public DbParameter[] Parameters { get; }

        /// <summary>Runs it with these parameter values; the rows it matched.</summary>
        public Task<int> ExecuteAsync(CancellationToken cancellationToken, params ReadOnlySpan<int> values)
        {
            for (var i = 0; i < values.Length; i++) Parameters[i].Value = values[i];
            return Command.ExecuteNonQueryAsync(cancellationToken);
        }

        /// <summary>Runs a one-parameter query; the first column of its first row, or null when it returned none.</summary>
        public Task<object?> ScalarAsync(int value, CancellationToken cancellationToken)
        {
            Parameters[0].Value = value;
            return Command.ExecuteScalarAsync(cancellationToken);
        }
    }
}

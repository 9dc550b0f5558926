namespace Assay.Workloads.Sql;

/// <summary>
/// The balance every account must have, kept beside the database so the driver can check what the SELECT
/// of each transaction returns. All balances start at 0 (as loaded). A TPC-B-like transaction adds its
/// delta here while it holds the account's row lock (after its UPDATE, before its COMMIT), so the
/// transaction before it on the same account has always added its own delta already.
/// </summary>
/// <remarks>
/// An account whose transaction failed after its delta was added here (a rollback, a lost connection:
/// committed or not, nobody knows) is forgotten: its balance is no longer checked, never falsely accused.
/// </remarks>
internal sealed class AccountBook
{
    private readonly int[] _balances;
    private readonly bool[] _unknown;

    public AccountBook(int accounts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(accounts, 1);
        _balances = new int[accounts];
        _unknown = new bool[accounts];
    }

    public int Accounts => _balances.Length;

    /// <summary>
    /// Adds the transaction's delta to account <paramref name="aid"/> (1-based) and says whether the balance its
    /// SELECT returned is the one expected. Call it only while the transaction holds the account's row lock.
    /// </summary>
    public bool ApplyAndCheck(int aid, int delta, long returned)
    {
        var expected = Interlocked.Add(ref _balances[aid - 1], delta);
        return expected == returned || Volatile.Read(ref _unknown[aid - 1]);
    }

    /// <summary>Whether a balance read outside any writing transaction is the one expected.</summary>
    public bool Check(int aid, long returned) =>
        Volatile.Read(ref _balances[aid - 1]) == returned || Volatile.Read(ref _unknown[aid - 1]);

    /// <summary>Stops checking an account whose balance is no longer known.</summary>
    public void Forget(int aid) => Volatile.Write(ref _unknown[aid - 1], true);
}

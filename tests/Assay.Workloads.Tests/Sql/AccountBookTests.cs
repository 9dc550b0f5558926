using Assay.Workloads.Sql;

namespace Assay.Workloads.Tests.Sql;

public sealed class AccountBookTests
{
    [Fact]
    public void Balances_start_at_zero_and_follow_the_deltas()
    {
        var book = new AccountBook(100);
        Assert.True(book.Check(1, 0));
        Assert.True(book.ApplyAndCheck(1, 250, 250));
        Assert.True(book.ApplyAndCheck(1, -100, 150));
        Assert.True(book.Check(1, 150));
        Assert.False(book.Check(1, 0));
        Assert.True(book.Check(100, 0), "other accounts are untouched");
    }

    [Fact]
    public void A_wrong_balance_is_caught()
    {
        var book = new AccountBook(10);
        Assert.False(book.ApplyAndCheck(3, 10, 11));
        Assert.False(book.Check(4, 42));
    }

    [Fact]
    public void A_forgotten_account_is_no_longer_checked()
    {
        var book = new AccountBook(10);
        book.ApplyAndCheck(5, 10, 10);
        book.Forget(5);
        Assert.True(book.Check(5, 0), "its last transaction may or may not have committed");
        Assert.True(book.ApplyAndCheck(5, 1, 12345));
        Assert.False(book.Check(6, 1), "only that account");
    }

    [Fact]
    public void Concurrent_deltas_add_up()
    {
        var book = new AccountBook(1);
        Parallel.For(0, 10_000, i => book.ApplyAndCheck(1, i % 2 == 0 ? 3 : -1, long.MinValue));
        Assert.True(book.Check(1, 10_000));
    }
}

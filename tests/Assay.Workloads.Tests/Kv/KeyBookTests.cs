using Assay.Workloads.Kv;

namespace Assay.Workloads.Tests.Kv;

public sealed class KeyBookTests
{
    [Fact]
    public void One_client_at_a_time_must_read_exactly_the_last_value_set()
    {
        var book = new KeyBook(10, preloaded: true);
        Assert.True(book.MayReturn(book.BeginGet(3), 0), "the preloaded version");

        var first = book.BeginSet(3);
        book.EndSet(first, SetAnswer.Stored);
        var read = book.BeginGet(3);
        Assert.False(book.MayReturn(read, 0), "version 0 was overwritten before this GET started");
        Assert.True(book.MayReturn(read, first.Version));
        Assert.False(book.MayReturn(read, first.Version + 1), "a version nobody wrote");

        var second = book.BeginSet(3);
        book.EndSet(second, SetAnswer.Stored);
        Assert.False(book.MayReturn(book.BeginGet(3), first.Version));
        Assert.True(book.MayReturn(book.BeginGet(3), second.Version));
    }

    [Fact]
    public void A_get_racing_a_set_may_return_either_value()
    {
        var book = new KeyBook(10, preloaded: true);
        var set = book.BeginSet(1);
        var read = book.BeginGet(1);
        Assert.True(book.MayReturn(read, 0));
        Assert.True(book.MayReturn(read, set.Version), "the SET may land before the GET is served");
        book.EndSet(set, SetAnswer.Stored);
        Assert.True(book.MayReturn(read, 0), "the GET started before the SET was acknowledged");
    }

    [Fact]
    public void Overlapping_sets_of_one_key_may_land_in_either_order()
    {
        var book = new KeyBook(10, preloaded: true);
        var a = book.BeginSet(5);
        var b = book.BeginSet(5);
        book.EndSet(b, SetAnswer.Stored);
        book.EndSet(a, SetAnswer.Stored);
        var read = book.BeginGet(5);
        Assert.True(book.MayReturn(read, a.Version));
        Assert.True(book.MayReturn(read, b.Version));
        Assert.False(book.MayReturn(read, 0), "both overwrite the preload, which was there before either started");
    }

    [Fact]
    public void A_miss_is_wrong_once_the_key_holds_a_value()
    {
        var empty = new KeyBook(10, preloaded: false);
        Assert.True(KeyBook.MayMiss(empty.BeginGet(2)));
        Assert.False(empty.MayReturn(empty.BeginGet(2), 0), "nothing ever wrote version 0 of a key that was not preloaded");
        var set = empty.BeginSet(2);
        Assert.True(KeyBook.MayMiss(empty.BeginGet(2)), "the SET is not acknowledged yet");
        empty.EndSet(set, SetAnswer.Stored);
        Assert.False(KeyBook.MayMiss(empty.BeginGet(2)));

        Assert.False(KeyBook.MayMiss(new KeyBook(10, preloaded: true).BeginGet(7)));
    }

    [Fact]
    public void A_rejected_set_changes_nothing_and_an_unanswered_one_stops_the_staleness_check()
    {
        var book = new KeyBook(10, preloaded: true);
        book.EndSet(book.BeginSet(4), SetAnswer.Rejected);
        Assert.True(book.MayReturn(book.BeginGet(4), 0));

        var lost = book.BeginSet(4);
        book.EndSet(lost, SetAnswer.Unknown);
        var stored = book.BeginSet(4);
        book.EndSet(stored, SetAnswer.Stored);
        Assert.True(book.MayReturn(book.BeginGet(4), lost.Version), "an unanswered SET may land late, after newer ones");
        Assert.False(book.MayReturn(book.BeginGet(4), stored.Version + 5), "still no version nobody wrote");
    }

    [Fact]
    public void Keys_are_independent()
    {
        var book = new KeyBook(2000, preloaded: true);
        book.EndSet(book.BeginSet(1), SetAnswer.Stored);
        Assert.True(book.MayReturn(book.BeginGet(1025), 0), "key 1025 shares a lock stripe with key 1, nothing else");
    }
}

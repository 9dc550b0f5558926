using Assay.Workloads.PubSub;

namespace Assay.Workloads.Tests.PubSub;

public sealed class SequenceBitsTests
{
    [Fact]
    public void Marks_each_number_once_and_counts_ranges_across_word_boundaries()
    {
        var bits = new SequenceBits(200);
        foreach (var n in new long[] { 0, 1, 63, 64, 65, 127, 128, 199 }) Assert.True(bits.Set(n));
        Assert.False(bits.Set(64));

        Assert.Equal(8, bits.Count(0, 200));
        Assert.Equal(3, bits.Count(63, 66));
        Assert.Equal(2, bits.Count(127, 129));
        Assert.Equal(0, bits.Count(2, 63));
        Assert.Equal(1, bits.Count(199, 500));
        Assert.True(bits.Get(127));
        Assert.False(bits.Get(126));
    }

    [Fact]
    public void Lists_what_one_set_has_and_another_lacks_inside_a_range()
    {
        var published = new SequenceBits(300);
        var seen = new SequenceBits(300);
        for (long n = 0; n < 300; n++) published.Set(n);
        foreach (var n in Enumerable.Range(0, 300).Where(n => n is not (5 or 64 or 130 or 299))) seen.Set(n);

        var missing = new List<long>();
        published.ForEachMissingFrom(seen, 0, 300, missing.Add);
        Assert.Equal([5, 64, 130, 299], missing);

        missing.Clear();
        published.ForEachMissingFrom(seen, 6, 130, missing.Add);
        Assert.Equal([64], missing);
    }

    [Fact]
    public void Concurrent_marks_are_all_kept()
    {
        var bits = new SequenceBits(100_000);
        Parallel.For(0, 100_000, n => bits.Set(n));
        Assert.Equal(100_000, bits.Count(0, 100_000));
    }
}

using Assay.Workloads.Kv;

namespace Assay.Workloads.Tests.Kv;

public sealed class KeyChooserTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.99)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void Zipfian_ranks_follow_the_law(double exponent)
    {
        const int Keys = 100;
        const int Draws = 400_000;
        var chooser = new KeyChooser.Zipfian(Keys, exponent);
        var random = new Random(7);
        var counts = new int[Keys];
        for (var i = 0; i < Draws; i++) counts[chooser.Next(random)]++;

        var norm = Enumerable.Range(1, Keys).Sum(k => Math.Pow(k, -exponent));
        foreach (var rank in new[] { 0, 1, 4, 19, 99 })
        {
            var expected = Draws * Math.Pow(rank + 1, -exponent) / norm;
            // Five standard deviations of a binomial count: a wrong sampler misses by far more.
            var tolerance = 5 * Math.Sqrt(expected);
            Assert.InRange(counts[rank], expected - tolerance, expected + tolerance);
        }
    }

    [Fact]
    public void Zipfian_stays_in_range_and_repeats_with_its_seed()
    {
        var chooser = new KeyChooser.Zipfian(10_000, 0.99);
        var a = new Random(3);
        var b = new Random(3);
        for (var i = 0; i < 100_000; i++)
        {
            var key = chooser.Next(a);
            Assert.InRange(key, 0, 9_999);
            Assert.Equal(key, chooser.Next(b));
        }
    }

    [Fact]
    public void A_single_key_is_always_chosen()
    {
        var chooser = new KeyChooser.Zipfian(1, 0.99);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(0, chooser.Next(new Random(1))));
    }
}

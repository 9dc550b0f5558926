using Assay.Workloads.Http;

namespace Assay.Workloads.Tests.Http;

public class RequestMixTests
{
    [Fact(Timeout = 10_000)]
    public async Task Choices_follow_the_weights()
    {
        await Task.Yield();
        double[] weights = [70, 20, 10];
        var mix = new RequestMix(weights);
        var random = new Random(42);
        var counts = new int[weights.Length];
        const int draws = 100_000;

        for (var i = 0; i < draws; i++) counts[mix.Next(random)]++;

        for (var i = 0; i < weights.Length; i++)
        {
            var expected = weights[i] / weights.Sum();
            var sigma = Math.Sqrt(expected * (1 - expected) / draws);
            Assert.InRange((double)counts[i] / draws, expected - (5 * sigma), expected + (5 * sigma));
        }
    }

    [Fact(Timeout = 10_000)]
    public async Task The_same_seed_makes_the_same_choices_and_zero_weights_are_never_chosen()
    {
        await Task.Yield();
        var mix = new RequestMix([1, 0, 3]);

        var first = Draw(mix, seed: 7);
        var second = Draw(mix, seed: 7);
        var other = Draw(mix, seed: 8);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.DoesNotContain(1, first);
    }

    [Theory(Timeout = 10_000)]
    [InlineData(new double[0])]
    [InlineData(new double[] { 0, 0 })]
    [InlineData(new double[] { 1, -1 })]
    [InlineData(new double[] { double.NaN })]
    public async Task A_mix_without_a_positive_weight_is_refused(double[] weights)
    {
        await Task.Yield();
        Assert.Throws<ArgumentException>(() => new RequestMix(weights));
    }

    private static int[] Draw(RequestMix mix, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 200).Select(_ => mix.Next(random))];
    }
}

using Assay.Core.Statistics;

namespace Assay.Core.Tests.Statistics;

public class HolmTests
{
    [Fact]
    public void A_worked_example_matches_R_p_adjust()
    {
        // Sorted 0.005 0.01 0.03 0.04 times 4 3 2 1 = 0.02 0.03 0.06 0.04; the running maximum makes the last 0.06.
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
        Assert.Equal([0.03, 0.06, 0.06, 0.02], Holm.Adjust([0.01, 0.04, 0.03, 0.005]).Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Ten_hypotheses_match_R_p_adjust()
    {
        double[] raw = [0.021, 0.001, 0.017, 0.041, 0.005, 0.036, 0.042, 0.023, 0.07, 0.1];
        double[] r = [0.147, 0.010, 0.136, 0.180, 0.045, 0.180, 0.180, 0.147, 0.180, 0.180];
        var adjusted = Holm.Adjust(raw);
        for (var i = 0; i < raw.Length; i++) Assert.Equal(r[i], adjusted[i], 1e-12);
    }

    [Fact]
    public void Adjusted_values_keep_the_order_of_the_raw_ones_never_shrink_and_never_exceed_one()
    {
        var random = new Random(7);
        double[] raw = [.. Enumerable.Range(0, 30).Select(_ => random.NextDouble() * random.NextDouble())];
        var adjusted = Holm.Adjust(raw);
        for (var i = 0; i < raw.Length; i++)
        {
            Assert.InRange(adjusted[i], raw[i], 1);
            for (var j = 0; j < raw.Length; j++)
                if (raw[i] < raw[j]) Assert.True(adjusted[i] <= adjusted[j]);
        }
    }

    [Fact]
    public void One_p_value_is_left_as_it_is() => Assert.Equal([0.0123], Holm.Adjust([0.0123]));

    [Fact]
    public void No_p_values_give_none() => Assert.Empty(Holm.Adjust([]));

    [Fact]
    public void A_value_outside_zero_to_one_is_refused() => Assert.Throws<ArgumentException>(() => Holm.Adjust([0.5, 1.5]));
}

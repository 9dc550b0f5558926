using Assay.Core.Measurements;
using Assay.Core.Results;
using Assay.Reporting.Report;
using Assay.Testing;

namespace Assay.Reporting.Tests.Report;

public sealed class RunSeriesTests
{
    private static readonly VariantResult Nginx = new RunResultBuilder().Build().Variants[0];

    [Fact]
    public void Throughput_per_second_is_the_median_of_the_trials_for_each_second()
    {
        var series = RunSeries.PerSecond(Nginx, failed: false);

        Assert.Equal(10, series.Points.Count);
        var second = Nginx.TrialResults.Select(t => (double)t.Series.Workload.Single(c => c.Second == 3).Succeeded).Order().ToList();
        Assert.Equal(second[1], series.Points[3].Y);
    }

    [Fact]
    public void The_spectrum_merges_every_trial_and_puts_p99_at_100_on_its_axis()
    {
        var spectrum = RunSeries.Spectrum(Nginx);

        Assert.Equal(RunSeries.SpectrumPercentiles.Count, spectrum.Points.Count);
        Assert.Equal(100, spectrum.Points[4].X, 6);
        var merged = LatencyHistogram.Merge(Nginx.TrialResults.SelectMany(t => t.Histograms.Values).Select(LatencyHistogram.Decode));
        Assert.Equal(merged.PercentileMs(99), spectrum.Points[4].Y);
        Assert.Equal(99.9, RunSeries.PercentileOf(RunSeries.SpectrumX(99.9)), 9);
    }

    [Fact]
    public void A_variant_without_histograms_has_an_empty_spectrum()
    {
        var bare = Nginx with { TrialResults = [.. Nginx.TrialResults.Select(t => t with { Histograms = new Dictionary<string, string>() })] };

        Assert.Empty(RunSeries.Spectrum(bare).Points);
    }

    [Fact]
    public void Cores_sum_the_replicas_of_a_component_and_never_go_negative()
    {
        var samples = new UsageSample[] { new(0, 0, 1), new(1, 0.5, 1), new(2, 0.2, 1) };
        var trial = Nginx.TrialResults[0] with
        {
            Series = new TrialSeries([], [new InstanceSeries("web", 0, samples), new InstanceSeries("web", 1, samples)]),
        };
        var variant = Nginx with { TrialResults = [trial] };

        var cores = RunSeries.Cores(variant).Single();

        Assert.Equal("nginx · web", cores.Name);
        Assert.Equal([1.0, 0.0], cores.Points.Select(p => p.Y));
        Assert.Equal([2.0 / 1048576, 2.0 / 1048576, 2.0 / 1048576], RunSeries.Memory(variant).Single().Points.Select(p => p.Y));
    }
}

using Assay.Core.Statistics;

namespace Assay.Specs.Experiments;

public sealed partial class ExperimentResolver
{
    /// <summary><c>spec.comparison</c> with its defaults: 95% confidence, a 5% margin, every pair of variants.</summary>
    private ComparisonPlan Comparison(ExperimentSpec spec, IReadOnlyList<string> variants)
    {
        var defaults = new ComparisonPlan();
        if (spec.Comparison is not { } comparison) return defaults;
        var baseline = VariantReference(comparison.Baseline, variants);
        var margin = _values.Fraction(comparison.Margin) ?? defaults.Margin;
        var confidence = _values.Fraction(comparison.Confidence) ?? defaults.Confidence;
        return new ComparisonPlan(confidence, margin, baseline);
    }
}

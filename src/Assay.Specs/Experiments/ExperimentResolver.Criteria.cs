using Assay.Core.Diagnostics;
using Assay.Core.Plans;
using Assay.Core.Statistics;
using Assay.Specs.Values;

namespace Assay.Specs.Experiments;

public sealed partial class ExperimentResolver
{
    private static readonly string[] CriterionOperators = ["lt", "lte", "gt", "gte"];

    private Hypothesis? Hypothesis(ExperimentSpec spec, IReadOnlyList<string> variants)
    {
        if (spec.Hypothesis is not { } hypothesis) return null;
        if (hypothesis.Claim is null) _values.Required(hypothesis, "claim");
        var claim = _values.Text(hypothesis.Claim);
        var criteria = new List<SuccessCriterion>();
        foreach (var criterion in hypothesis.SuccessCriteria ?? [])
        {
            if (SuccessCriterion(criterion, variants, priced: spec.Cost is not null) is { } parsed) criteria.Add(parsed);
        }
        return new Hypothesis(claim ?? "", Texts(hypothesis.Questions), Texts(hypothesis.Focus), criteria);
    }

    /// <summary>
    /// One criterion: a KPI of <see cref="KpiCatalog"/>, judged on one variant, on every variant (no <c>variant</c>), or
    /// as the ratio variant ÷ baseline. Cost per million needs <c>spec.cost</c>: without prices it is never measured.
    /// </summary>
    private SuccessCriterion? SuccessCriterion(SuccessCriterionSpec criterion, IReadOnlyList<string> variants, bool priced)
    {
        if (criterion.Metric is null) _values.Required(criterion, "metric");
        if (criterion.Operator is null) _values.Required(criterion, "operator");
        if (criterion.Value is null) _values.Required(criterion, "value");
        var metric = Kpi(criterion.Metric, priced);
        var op = _values.OneOf(criterion.Operator, CriterionOperators);
        var value = _values.Number(criterion.Value, double.MinValue, exclusiveMin: false);
        var description = _values.Text(criterion.Description);
        var variant = VariantReference(criterion.Variant, variants);
        var baseline = VariantReference(criterion.Baseline, variants);
        if (criterion.Baseline is not null && criterion.Variant is null)
        {
            _values.Error(criterion.Baseline, "a ratio to a baseline needs the variant it divides",
                $"add variant: the candidate, e.g. variant: {variants.FirstOrDefault(v => v != baseline) ?? "memcached"} (judged on variant ÷ baseline)");
            return null;
        }
        if (baseline is not null && baseline == variant)
        {
            _values.Error(criterion.Baseline!, $"the baseline is the variant itself ('{baseline}'), so the ratio is always 1",
                Suggestions.Closest(baseline, variants.Where(v => v != baseline)) is { } other
                    ? $"compare with another variant, e.g. baseline: {other}"
                    : $"compare with another variant: {string.Join(", ", variants.Where(v => v != baseline))}");
            return null;
        }
        if (metric is null || op is null || value is null) return null;
        if ((criterion.Variant is not null && variant is null) || (criterion.Baseline is not null && baseline is null)) return null;
        return new SuccessCriterion(metric, op, value.Value, description, variant, baseline);
    }

    private string? Kpi(Scalar? scalar, bool priced)
    {
        if (_values.Text(scalar) is not { } metric) return null;
        if (KpiCatalog.Find(metric) is null)
        {
            _values.Error(scalar!, $"'{metric}' is not a KPI", Suggestions.Hint(metric, [.. KpiCatalog.All.Select(k => k.Name)]));
            return null;
        }
        if (metric == KpiCatalog.CostPerMillion.Name && !priced)
        {
            _values.Error(scalar!, $"{metric} needs prices, and the experiment declares no cost",
                "declare spec.cost, e.g. cost: {node: gcp/e2-standard-4, market: on-demand}");
            return null;
        }
        return metric;
    }

    /// <summary>A variant named by a criterion or a comparison: it must be one of the experiment's.</summary>
    private string? VariantReference(Scalar? scalar, IReadOnlyList<string> variants)
    {
        if (_values.Name(scalar) is not { } name) return null;
        if (variants.Contains(name)) return name;
        var hint = variants.Count == 0 ? "the experiment declares no variants" : Suggestions.Hint(name, variants);
        _values.Error(scalar!, $"no variant named '{name}'", hint);
        return null;
    }
}

using Assay.Core.Diagnostics;
using Assay.Core.Plans;
using Assay.Core.Thresholds;
using Assay.Specs.Values;

namespace Assay.Specs.Experiments;

public sealed partial class ExperimentResolver
{
    private List<ThresholdPlan> Thresholds(ExperimentSpec spec, ResolvedWorkload workload)
    {
        var plans = new List<ThresholdPlan>();
        foreach (var threshold in spec.Thresholds ?? [])
        {
            var key = threshold.Key;
            if (!ThresholdParser.TryParseKey(key.Text, out var metric, out var tag, out var keyError))
            {
                ErrorWithHint(key, keyError!);
                continue;
            }
            // Without a known driver its metrics are unknown (the driver's own error says why), but the
            // expressions can still be checked for syntax, so their mistakes are reported in the same pass.
            if (workload.Driver is not { } driver)
            {
                CheckSyntaxOnly(metric, tag, threshold.Expressions);
                continue;
            }
            if (MetricCatalog.Find(driver, metric) is not { } definition)
            {
                var known = MetricCatalog.For(driver).Select(m => m.Name).ToList();
                _values.Error(key, $"unknown metric '{metric}' for the {driver} driver", Suggestions.Hint(metric, known));
                continue;
            }
            if (tag is not null && !workload.OperationNames.Contains(tag))
            {
                _values.Error(key, $"no request named '{tag}' in spec.workload.requests",
                    workload.OperationNames.Count == 0 ? null : Suggestions.Hint(tag, workload.OperationNames));
                continue;
            }
            foreach (var expression in threshold.Expressions)
            {
                if (_values.Text(expression) is not { } text) continue;
                var plan = ThresholdParser.Parse(metric, tag, definition.Kind, text, expression.Location, out var error);
                if (plan is null) ErrorWithHint(expression, error!);
                else plans.Add(plan);
            }
        }
        return plans;
    }

    private void CheckSyntaxOnly(string metric, string? tag, IEnumerable<Scalar> expressions)
    {
        foreach (var expression in expressions)
        {
            if (_values.Text(expression) is not { } text) continue;
            string? firstError = null;
            var parsed = Enum.GetValues<MetricKind>().Any(kind =>
            {
                var plan = ThresholdParser.Parse(metric, tag, kind, text, expression.Location, out var error);
                firstError ??= error;
                return plan is not null;
            });
            if (!parsed) ErrorWithHint(expression, firstError!);
        }
    }

    /// <summary>Core's threshold errors say "problem; fix": shown like every other diagnostic, as message and hint.</summary>
    private void ErrorWithHint(Scalar where, string error)
    {
        var split = error.IndexOf("; ", StringComparison.Ordinal);
        if (split < 0) _values.Error(where, error);
        else _values.Error(where, error[..split], error[(split + 2)..]);
    }
}

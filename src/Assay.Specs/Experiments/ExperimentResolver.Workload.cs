using System.Text.RegularExpressions;
using Assay.Core.Diagnostics;
using Assay.Core.Plans;
using Assay.Specs.Values;

namespace Assay.Specs.Experiments;

public sealed partial class ExperimentResolver
{
    private static readonly TimeSpan DefaultWarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly string[] Drivers = [HttpWorkloadPlan.DriverName];

    [GeneratedRegex("^(?<component>[a-z][a-z0-9-]*)(:(?<port>[a-z][a-z0-9-]*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ComponentTargetPattern();

    private ResolvedWorkload Workload(ExperimentSpec spec, IReadOnlyList<ResolvedVariant> variants)
    {
        if (spec.Workload is not { } workload)
        {
            _values.Required(spec, "workload");
            return new ResolvedWorkload(null, null, []);
        }
        if (workload.Driver is null) _values.Required(workload, "driver");
        var driver = _values.OneOf(workload.Driver, Drivers);

        var target = Target(workload, spec, variants);
        var model = Model(workload);
        var warmUp = _values.Duration(workload.WarmUp, allowZero: true) ?? DefaultWarmUp;
        var duration = _values.Duration(workload.Duration, allowZero: false);
        if (_options.Duration is { } overridden) duration = overridden;
        else if (workload.Duration is null) _values.Required(workload, "duration");
        var timeout = _values.Duration(workload.Timeout, allowZero: false) ?? DefaultTimeout;
        var names = new List<string>();
        var requests = Requests(workload, names);

        var plan = target is null || model is null || duration is null || requests is null
            ? null
            : new HttpWorkloadPlan(target, requests, model, warmUp, duration.Value, timeout);
        return new ResolvedWorkload(plan, driver, [.. names.Where(n => n.Length > 0).Distinct()]);
    }

    private TargetPlan? Target(WorkloadSpec workload, ExperimentSpec spec, IReadOnlyList<ResolvedVariant> variants)
    {
        if (workload.Target is null)
        {
            _values.Required(workload, "target");
            return null;
        }
        if (_values.Text(workload.Target) is not { } text) return null;
        var scalar = workload.Target;
        if (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            _values.Error(scalar, "https targets are not supported yet", "use an http:// URL");
            return null;
        }
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                && Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp && url.Host.Length > 0)
            {
                return new TargetPlan(null, null, url);
            }
            _values.Error(scalar, $"'{text}' is not an http:// URL", "write e.g. target: http://127.0.0.1:8080");
            return null;
        }

        var match = ComponentTargetPattern().Match(text);
        if (!match.Success)
        {
            _values.Error(scalar, $"'{text}' is neither a component nor an http:// URL",
                "name a component (web, or web:http to choose its port) or write an http:// URL");
            return null;
        }
        var component = match.Groups["component"].Value;
        var port = match.Groups["port"].Success ? match.Groups["port"].Value : null;
        if (spec.Variants is null && spec.Components is null)
        {
            _values.Error(scalar, $"the target is component '{component}' but the experiment has no components",
                "add spec.components (or spec.variants), or target an http:// URL");
            return null;
        }
        var ok = true;
        foreach (var variant in variants)
        {
            ok &= TargetInVariant(scalar, variant, component, port);
        }
        return ok ? new TargetPlan(component, port, null) : null;
    }

    private bool TargetInVariant(Scalar target, ResolvedVariant variant, string component, string? port)
    {
        var found = variant.Components.FirstOrDefault(c => c.Name == component);
        if (found is null)
        {
            var names = variant.Components.Select(c => c.Name).OfType<string>().ToList();
            var hint = names.Count == 0
                ? "every variant needs the target component"
                : Suggestions.Closest(component, names) is { } closest
                    ? $"did you mean '{closest}'?"
                    : $"its components are: {string.Join(", ", names)}";
            _values.Error(target, $"variant '{variant.Name}' has no component '{component}'", hint);
            return false;
        }
        if (port is null || found.Entry is null || found.Entry.Ports.Contains(port)) return true;
        _values.Error(target, $"component '{component}' of variant '{variant.Name}' ({found.Entry.Name}) has no port '{port}'",
            Suggestions.Hint(port, [.. found.Entry.Ports]));
        return false;
    }

    private LoadModel? Model(WorkloadSpec workload)
    {
        if (workload.Model is not { } model)
        {
            _values.Required(workload, "model");
            return null;
        }
        var type = model.Type is null ? "closed" : _values.OneOf(model.Type, ["closed", "open"]);
        return type switch
        {
            "closed" => Closed(model),
            "open" => Open(model),
            _ => null,
        };
    }

    private ClosedModel? Closed(LoadModelSpec model)
    {
        foreach (var (field, scalar) in new[] { ("rate", model.Rate), ("maxConnections", model.MaxConnections), ("lagTolerance", model.LagTolerance), ("maxLateFraction", model.MaxLateFraction) })
        {
            if (scalar is not null) _values.Error(scalar, $"'{field}' belongs to the open model", "remove it, or set type: open");
        }
        if (model.Connections is null) _values.Required(model, "connections");
        var connections = _values.Integer(model.Connections, 1);
        var thinkTime = ThinkTime(model.ThinkTime);
        return connections is null || thinkTime is null ? null : new ClosedModel(connections.Value, thinkTime.Value.Min, thinkTime.Value.Max);
    }

    private (TimeSpan Min, TimeSpan Max)? ThinkTime(ThinkTimeSpec? thinkTime)
    {
        if (thinkTime is null) return (TimeSpan.Zero, TimeSpan.Zero);
        if (thinkTime.Fixed is not null)
            return _values.Duration(thinkTime.Fixed, allowZero: true) is { } pause ? (pause, pause) : null;
        if (thinkTime.Min is null) _values.Required(thinkTime, "min");
        if (thinkTime.Max is null) _values.Required(thinkTime, "max");
        var min = _values.Duration(thinkTime.Min, allowZero: true);
        var max = _values.Duration(thinkTime.Max, allowZero: true);
        if (min is null || max is null) return null;
        if (max < min)
        {
            _values.Error(thinkTime.Max!, $"max ({thinkTime.Max!.Text}) is less than min ({thinkTime.Min!.Text})", "swap them, or write one duration for a fixed pause");
            return null;
        }
        return (min.Value, max.Value);
    }

    private OpenModel? Open(LoadModelSpec model)
    {
        if (model.Connections is not null)
            _values.Error(model.Connections, "'connections' belongs to the closed model", "the open model sends at 'rate' over up to 'maxConnections' connections");
        if (model.ThinkTime is not null)
            _diagnostics.Error(model.ThinkTime.Location, model.ThinkTime.FieldPath, "'thinkTime' belongs to the closed model", "remove it, or set type: closed");
        if (model.Rate is null) _values.Required(model, "rate");
        var rate = _values.RatePerSecond(model.Rate);
        var maxConnections = _values.Integer(model.MaxConnections, 1) ?? 100;
        var lagTolerance = _values.Duration(model.LagTolerance, allowZero: false) ?? TimeSpan.FromMilliseconds(10);
        var maxLateFraction = _values.Number(model.MaxLateFraction, 0, exclusiveMin: false, max: 1) ?? 0.01;
        return rate is null ? null : new OpenModel(rate.Value, maxConnections, lagTolerance, maxLateFraction);
    }

    private sealed record ResolvedWorkload(HttpWorkloadPlan? Plan, string? Driver, IReadOnlyList<string> RequestNames);
}

using System.Text.RegularExpressions;
using Assay.Core.Diagnostics;
using Assay.Core.Plans;
using Assay.Core.Drivers;
using Assay.Specs.Experiments.Drivers;
using Assay.Specs.Values;
using Assay.Specs.Yaml;

namespace Assay.Specs.Experiments;

public sealed partial class ExperimentResolver
{
    private static readonly TimeSpan DefaultWarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    [GeneratedRegex("^(?<component>[a-z][a-z0-9-]*)(:(?<port>[a-z][a-z0-9-]*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ComponentTargetPattern();

    private ResolvedWorkload Workload(ExperimentSpec spec, ResolvedVariant variant)
    {
        if (spec.Workload is not { } workload)
        {
            _values.Required(spec, "workload");
            return new ResolvedWorkload(null, null, []);
        }
        if (workload.Driver is null) _values.Required(workload, "driver");
        var driver = _values.OneOf(workload.Driver, DriverCatalog.Names);
        var driverSpec = driver is null ? null : DriverSpecs.Find(driver);
        CheckBlocks(workload, driver);

        var target = Target(workload, spec, variant, driver);
        var model = workload.Model is null && driverSpec is { ModelRequired: false } ? null : Model(workload);
        var warmUp = _values.Duration(workload.WarmUp, allowZero: true) ?? DefaultWarmUp;
        var duration = _values.Duration(workload.Duration, allowZero: false);
        if (_options.Duration is { } overridden) duration = overridden;
        else if (workload.Duration is null) _values.Required(workload, "duration");
        var timeout = _values.Duration(workload.Timeout, allowZero: false) ?? DefaultTimeout;
        var names = new List<string>();

        // With a mistyped driver, requests written for HTTP are still checked: every problem is reported at once.
        if (driver == HttpWorkloadPlan.DriverName || (driver is null && workload.Requests is not null))
        {
            var requests = Requests(workload, names);
            var http = driver is null || target is null || model is null || duration is null || requests is null
                ? null
                : new HttpWorkloadPlan(target, requests, model, warmUp, duration.Value, timeout);
            return new ResolvedWorkload(http, driver, [.. names.Where(n => n.Length > 0).Distinct()]);
        }
        if (workload.Requests is { Count: > 0 } && driver is not null)
        {
            _diagnostics.Error(workload.Requests[0].Location, FieldPath.Child(workload.FieldPath, "requests"),
                $"'requests' belong to the http driver, not to {driver}", $"describe the {driver} workload under workload.{driverSpec?.Block ?? driver}");
        }
        if (driver is null) return new ResolvedWorkload(null, null, []);
        if (driverSpec is null)
        {
            _values.Error(workload.Driver!, $"the {driver} driver is not available in this version of assay", $"drivers available: {string.Join(", ", DriverSpecs.All.Select(d => d.Driver).Prepend(HttpWorkloadPlan.DriverName))}");
            return new ResolvedWorkload(null, driver, []);
        }
        var block = driverSpec.Block is { } blockName && workload.Blocks.TryGetValue(blockName, out var written)
            ? FieldReader.Open(written.Node, written.FieldPath, _diagnostics, driverSpec.BlockFields)
            : null;
        var context = new DriverContext(workload, block, new WorkloadCommon(target, model, warmUp, duration, timeout), _values,
            scalar => ComponentTarget(scalar, variant, driver: null), names);
        var plan = driverSpec.Resolve(context);
        return new ResolvedWorkload(plan, driver, [.. names.Where(n => n.Length > 0).Distinct()]);
    }

    /// <summary>A block of another driver's settings is a mistake: say whose it is.</summary>
    private void CheckBlocks(WorkloadSpec workload, string? driver)
    {
        foreach (var (name, block) in workload.Blocks)
        {
            var owner = DriverSpecs.All.FirstOrDefault(d => d.Block == name)?.Driver;
            if (owner is null || owner == driver || driver is null) continue;
            _diagnostics.Error(block.Location, block.FieldPath, $"'{name}' holds settings of the {owner} driver, but this workload's driver is {driver}",
                $"remove it, or set driver: {owner}");
        }
    }

    private TargetPlan? Target(WorkloadSpec workload, ExperimentSpec spec, ResolvedVariant variant, string? driver)
    {
        if (workload.Target is null)
        {
            _values.Required(workload, "target");
            return null;
        }
        if (_values.Text(workload.Target) is not { } text) return null;
        var scalar = workload.Target;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (driver is not null && driver != HttpWorkloadPlan.DriverName)
            {
                _values.Error(scalar, $"the {driver} driver targets a component of the variant, not a URL", "name the component, e.g. target: db");
                return null;
            }
            if (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                _values.Error(scalar, "https targets are not supported yet", "use an http:// URL");
                return null;
            }
            if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                && Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp && url.Host.Length > 0)
            {
                return new TargetPlan(null, null, url);
            }
            _values.Error(scalar, $"'{text}' is not an http:// URL", "write e.g. target: http://127.0.0.1:8080");
            return null;
        }
        if (spec.Variants is null && spec.Components is null)
        {
            _values.Error(scalar, $"the target is component '{text}' but the experiment has no components",
                "add spec.components (or spec.variants), or target an http:// URL");
            return null;
        }
        return ComponentTarget(scalar, variant, driver);
    }

    /// <summary>
    /// A component of the variant (<c>web</c>, or <c>web:http</c> for a port) as a target; with a driver, its
    /// catalog entry must speak one of the driver's protocols.
    /// </summary>
    private TargetPlan? ComponentTarget(Scalar scalar, ResolvedVariant variant, string? driver)
    {
        if (_values.Text(scalar) is not { } text) return null;
        var match = ComponentTargetPattern().Match(text);
        if (!match.Success)
        {
            _values.Error(scalar, $"'{text}' is neither a component nor an http:// URL",
                "name a component (web, or web:http to choose its port) or write an http:// URL");
            return null;
        }
        var component = match.Groups["component"].Value;
        var port = match.Groups["port"].Success ? match.Groups["port"].Value : null;
        var found = variant.Components.FirstOrDefault(c => c.Name == component);
        if (found is null)
        {
            var names = variant.Components.Select(c => c.Name).OfType<string>().ToList();
            var hint = names.Count == 0
                ? "every variant needs the target component"
                : Suggestions.Closest(component, names) is { } closest
                    ? $"did you mean '{closest}'?"
                    : $"its components are: {string.Join(", ", names)}";
            _values.Error(scalar, $"variant '{variant.Name}' has no component '{component}'", hint);
            return null;
        }
        if (found.Entry is null) return null;
        if (port is not null && !found.Entry.Ports.Contains(port))
        {
            _values.Error(scalar, $"component '{component}' of variant '{variant.Name}' ({found.Entry.Name}) has no port '{port}'",
                Suggestions.Hint(port, [.. found.Entry.Ports]));
            return null;
        }
        if (driver is not null && DriverCatalog.Find(driver) is { } definition && !definition.Protocols.Contains(found.Entry.Protocol))
        {
            _values.Error(scalar,
                $"the {driver} driver cannot drive '{component}' of variant '{variant.Name}': catalog entry '{found.Entry.Name}' speaks {found.Entry.Protocol}, and {driver} drives {string.Join(", ", definition.Protocols)}",
                $"valid driver/protocol pairs: {DriverCatalog.ValidPairs()}");
            return null;
        }
        return new TargetPlan(component, port, null);
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

    /// <param name="OperationNames">What thresholds may tag with <c>{request:NAME}</c>: the mix's requests, a driver's operations.</param>
    private sealed record ResolvedWorkload(WorkloadPlan? Plan, string? Driver, IReadOnlyList<string> OperationNames);
}

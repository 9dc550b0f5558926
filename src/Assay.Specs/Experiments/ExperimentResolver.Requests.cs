using System.Text.RegularExpressions;
using Assay.Core.Diagnostics;
using Assay.Core.Plans;

namespace Assay.Specs.Experiments;

public sealed partial class ExperimentResolver
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    // RFC 9110 token characters: what a header name may contain.
    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderNamePattern();

    /// <returns>The mix when every request resolved, else null; <paramref name="names"/> gets every name that could be worked out.</returns>
    private List<HttpRequestPlan>? Requests(WorkloadSpec workload, List<string> names)
    {
        var plans = new List<HttpRequestPlan>();
        if (workload.Requests is null)
        {
            _values.Required(workload, "requests");
            return null;
        }
        if (workload.Requests.Count == 0)
        {
            _diagnostics.Error(workload.Location, FieldPath.Child(workload.FieldPath, "requests"), "needs at least one request",
                "e.g. requests: [{method: GET, path: /}]");
            return null;
        }
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var complete = true;
        foreach (var request in workload.Requests)
        {
            var plan = Request(request, names);
            if (plan is null) complete = false;
            else plans.Add(plan);
            var name = names[^1];
            if (name.Length == 0 || seen.TryAdd(name, request.Name?.Location ?? request.Location)) continue;
            var hint = request.Name is null
                ? $"two requests get the name '{name}' from their method and path; set name: on one of them"
                : $"the first is at line {seen[name].Line}; give each request its own name";
            _diagnostics.Error(request.Name?.Location ?? request.Location, FieldPath.Child(request.FieldPath, "name"),
                $"request name '{name}' is used twice", hint);
            complete = false;
        }
        // A partial mix would change the weights the user asked for; no plan unless every request resolved.
        return complete ? plans : null;
    }

    private HttpRequestPlan? Request(RequestSpec request, List<string> names)
    {
        var method = request.Method is null ? "GET" : _values.OneOf(request.Method, Methods);
        if (request.Path is null) _values.Required(request, "path");
        var path = _values.Text(request.Path);
        if (path is not null && !path.StartsWith('/'))
        {
            _values.Error(request.Path!, $"path '{path}' does not start with '/'", $"write it from the root, e.g. path: /{path.TrimStart('/')}");
            path = null;
        }
        var name = request.Name is null
            ? (method is null || path is null ? null : RequestNames.Derive(method, path))
            : _values.Name(request.Name);
        // Always one slot per request ("" when it has no name), so the caller can check the last one for duplicates.
        names.Add(name ?? "");
        var weight = _values.Number(request.Weight, 0, exclusiveMin: true) ?? 1;
        var headers = Headers(request);
        var body = _values.Text(request.Body);
        var expect = ExpectedStatus(request);
        if (method is null || path is null || name is null || headers is null || expect is null) return null;
        return new HttpRequestPlan(name, weight, method, path, body, headers, expect);
    }

    private Dictionary<string, string>? Headers(RequestSpec request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var ok = true;
        foreach (var (key, value) in request.Headers ?? [])
        {
            var text = _values.Text(value);
            if (!HeaderNamePattern().IsMatch(key.Text))
            {
                _values.Error(key, $"'{key.Text}' is not a valid header name", "use letters, digits and '-', e.g. Content-Type");
                ok = false;
            }
            else if (text is not null && text.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                _values.Error(value, "a header value cannot span lines", "write it on one line");
                ok = false;
            }
            else if (text is not null) headers[key.Text] = text;
            else ok = false;
        }
        return ok ? headers : null;
    }

    /// <summary>The accepted statuses; an empty list (expect left out) means any 2xx or 3xx.</summary>
    private List<int>? ExpectedStatus(RequestSpec request)
    {
        if (request.Expect is null) return [];
        if (request.Expect.Count == 0)
        {
            _diagnostics.Error(request.Location, FieldPath.Child(request.FieldPath, "expect"), "lists no status",
                "list at least one, e.g. expect: [200, 201], or leave expect out to accept any 200-399");
            return null;
        }
        var statuses = request.Expect.Select(s => _values.Integer(s, 100, 599)).ToList();
        return statuses.Any(s => s is null) ? null : [.. statuses.Select(s => s!.Value).Distinct()];
    }
}

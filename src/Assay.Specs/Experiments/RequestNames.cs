using System.Text;

namespace Assay.Specs.Experiments;

/// <summary>Names for requests that have none: method and path, e.g. <c>GET /</c> is <c>get-index</c>, <c>POST /echo</c> is <c>post-echo</c>.</summary>
public static class RequestNames
{
    public static string Derive(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var slug = new StringBuilder();
        foreach (var c in path.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var tail = slug.ToString().Trim('-');
        return $"{method.ToLowerInvariant()}-{(tail.Length == 0 ? "index" : tail)}";
    }
}

using System.Globalization;
using System.Text;
using Assay.Core.Plans;

namespace Assay.Workloads.Http;

/// <summary>
/// Serializes a request of the mix once, before the run, into the exact bytes sent for every
/// occurrence: request line, Host, the plan's headers, Content-Length and body.
/// </summary>
internal static class HttpRequestEncoder
{
    private static readonly string[] MethodsWithBody = ["POST", "PUT", "PATCH"];

    public static byte[] Encode(HttpRequestPlan request, Uri target)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        var method = request.Method.ToUpperInvariant();
        if (method.Length == 0 || !method.All(char.IsAsciiLetterUpper))
            throw new ArgumentException($"Request '{request.Name}' has the method '{request.Method}', which is not an HTTP method.", nameof(request));
        var path = CombinePath(target.AbsolutePath, request.Path);
        var body = request.Body is null ? [] : Encoding.UTF8.GetBytes(request.Body);

        var head = new StringBuilder(128);
        head.Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\n");
        if (!request.Headers.Keys.Any(k => k.Equals("Host", StringComparison.OrdinalIgnoreCase)))
            head.Append("Host: ").Append(target.Authority).Append("\r\n");
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue; // computed below
            CheckHeader(request.Name, name, value);
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        if (request.Body is not null || MethodsWithBody.Contains(method))
            head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        head.Append("\r\n");

        var headBytes = Encoding.Latin1.GetBytes(head.ToString());
        return [.. headBytes, .. body];
    }

    /// <summary>The target's base path (http://host/api) prefixes the request's path (/users → /api/users).</summary>
    internal static string CombinePath(string basePath, string path)
    {
        var relative = path.StartsWith('/') ? path : "/" + path;
        var prefix = basePath.TrimEnd('/');
        var combined = prefix + relative;
        if (combined.Any(c => c is '\r' or '\n' or ' ' || c > '\u007e'))
            throw new ArgumentException($"The path '{combined}' must be URL-encoded (no spaces, line breaks or non-ASCII characters).", nameof(path));
        return combined;
    }

    private static void CheckHeader(string request, string name, string value)
    {
        if (name.Length == 0 || name.Any(c => c <= ' ' || c == ':' || c > '\u007e'))
            throw new ArgumentException($"Request '{request}' has the header name '{name}', which is not a valid HTTP field name.", nameof(name));
        if (value.Any(c => c is '\r' or '\n' or '\0' || c > '\u00ff'))
            throw new ArgumentException($"Request '{request}' has a value for header '{name}' with a line break or a non-Latin-1 character.", nameof(value));
    }
}

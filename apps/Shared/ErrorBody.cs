namespace Assay.Apps.Shared;

/// <summary>The body of every 4xx/5xx answer the apps produce themselves: <c>{"error":"…"}</c>.</summary>
internal sealed record ErrorBody(string Error);

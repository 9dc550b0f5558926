namespace Assay.Apps.Shared;

/// <summary>The liveness and readiness endpoints every sample app answers, as plain text.</summary>
internal static class Probes
{
    public static IEndpointRouteBuilder MapProbes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", () => "ok");
        endpoints.MapGet("/ready", () => "ready");
        return endpoints;
    }
}

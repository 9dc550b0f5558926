using Assay.Dashboard.Data;
using Assay.Dashboard.Pages;
using Assay.Engine.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Assay.Dashboard.Hosting;

/// <summary>
/// The dashboard's URLs. Pages are folders (<c>/runs/{id}/</c>) so their relative links resolve the same way as in
/// the static site; a folder asked for without its slash is redirected to it.
/// </summary>
internal static class DashboardRoutes
{
    // Everything a page may load: its own inline styles and, for a run, its report in a frame. No script, no
    // other origin, so a page cannot call out even if a stored string slipped through escaping.
    private const string PagePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; form-action 'self'";
    private const string ReportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    public static void Map(WebApplication app, DashboardReader reader)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (HttpMethods.IsGet(context.Request.Method) && !path.EndsWith('/') && !Path.HasExtension(path))
            {
                context.Response.Redirect(path + "/" + context.Request.QueryString);
                return;
            }
            await next(context);
        });

        app.MapGet("/", async (CancellationToken ct) =>
            Page(ExperimentsPage.Render(await reader.ExperimentsAsync(ct), Links(0))));

        app.MapGet("/experiments/", () => Results.Redirect("../"));

        app.MapGet("/experiments/{name}/", async (string name, CancellationToken ct) =>
            await reader.ExperimentAsync(name, ct) is { } model
                ? Page(ExperimentPage.Render(model, Links(2)))
                : NotFound($"No run of an experiment named '{name}' is in the store.", 2));

        app.MapGet("/runs/", async (string? experiment, CancellationToken ct) =>
            Page(RunsPage.Render(await reader.RunsAsync(experiment, ct), Links(1))));

        app.MapGet("/runs/{id}/", async (string id, CancellationToken ct) =>
        {
            try
            {
                return await reader.RunAsync(id, ct) is { } model
                    ? Page(RunPage.Render(model, Links(2)))
                    : NotFound($"No run matches '{id}'.", 2);
            }
            catch (AmbiguousRunIdException e)
            {
                return NotFound(e.Message + "; give more of the id.", 2);
            }
        });

        app.MapGet("/runs/{id}/report.html", async (string id, CancellationToken ct) =>
        {
            try
            {
                var model = await reader.RunAsync(id, ct);
                if (model is null || RunPage.Report(model) is not { } report) return NotFound($"Run '{id}' has no result to report.", 2);
                return Results.Text(report, "text/html; charset=utf-8", null, StatusCodes.Status200OK)
                    .WithPolicy(ReportPolicy);
            }
            catch (AmbiguousRunIdException e)
            {
                return NotFound(e.Message + "; give more of the id.", 2);
            }
        });

        app.MapGet("/compare/", async (string? a, string? b, CancellationToken ct) =>
            Page(ComparePage.Render(await reader.CompareAsync(a, b, ct), Links(1))));
    }

    private static PageLinks Links(int depth) => new(depth, StaticFiles: false);

    private static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Text(html, "text/html; charset=utf-8", null, status).WithPolicy(PagePolicy);

    private static IResult NotFound(string message, int depth) =>
        Page(NotFoundPage.Render(message, Links(depth)), StatusCodes.Status404NotFound);

    private static PolicyResult WithPolicy(this IResult result, string policy) => new(result, policy);

    /// <summary>A result with the page's Content-Security-Policy header.</summary>
    private sealed class PolicyResult(IResult inner, string policy) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentSecurityPolicy = policy;
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return inner.ExecuteAsync(httpContext);
        }
    }
}

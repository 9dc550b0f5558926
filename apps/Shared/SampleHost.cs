using System.Globalization;

namespace Assay.Apps.Shared;

/// <summary>
/// Start-up rules every sample app shares: where it listens, how much it logs. Assay starts the apps with
/// <c>PORT</c> set to a free port; people start them by hand with <c>--urls</c> or nothing at all.
/// </summary>
internal static class SampleHost
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // The slim builder leaves out HTTPS, IIS and hosting-startup scanning: the apps start faster and
        // a cold-start measurement sees the app, not services it never uses.
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseUrls(ResolveUrls(Environment.GetEnvironmentVariable("PORT"), builder.Configuration["urls"]));

        // Request logs at Information would slow every load test down; warnings and errors still show.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    /// <summary>
    /// <c>PORT</c> wins and binds loopback only; otherwise <c>--urls</c> / <c>ASPNETCORE_URLS</c>; otherwise
    /// <see cref="DefaultUrl"/>. Setting the URLs explicitly also keeps <c>ASPNETCORE_HTTP_PORTS</c> (set in
    /// container images) from binding every interface behind the user's back.
    /// </summary>
    public static string ResolveUrls(string? port, string? configuredUrls)
    {
        if (!string.IsNullOrWhiteSpace(port))
        {
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                throw new InvalidOperationException(
                    $"PORT='{port}' is not a TCP port: set PORT to a number between 1 and 65535, or unset it and pass --urls.");
            }

            return $"http://127.0.0.1:{number.ToString(CultureInfo.InvariantCulture)}";
        }

        return string.IsNullOrWhiteSpace(configuredUrls) ? DefaultUrl : configuredUrls;
    }
}

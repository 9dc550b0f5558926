using Assay.Core.Slo;
using Assay.Reporting.Slo;

namespace Assay.Reporting.Tests.Slo;

/// <summary>The SLOs of the tests: availability from a request counter, latency from a histogram in seconds.</summary>
internal static class Examples
{
    public static readonly LabelMatcher Job = new("job", MatchOperator.Equal, "api");

    public static readonly LabelMatcher ServerErrors = new("status", MatchOperator.Regex, "5..");

    public static SloRuleSet Availability(double objective = 99.9, string service = "api", string name = "availability") =>
        new(service, new SloPlan(name, SloKind.Availability, objective), new AvailabilitySli("http_requests_total", [Job], ServerErrors));

    public static SloRuleSet Latency(double objective = 99, double thresholdMs = 50, string service = "api", string name = "latency")
    {
        var slo = new SloPlan(name, SloKind.Latency, objective, TimeSpan.FromMilliseconds(thresholdMs));
        var bucket = LatencySli.BucketFor(slo.Threshold!.Value, "request_duration_seconds")!;
        return new(service, slo, new LatencySli("request_duration_seconds", [Job], bucket));
    }
}

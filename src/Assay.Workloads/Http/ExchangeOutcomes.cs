namespace Assay.Workloads.Http;

internal static class ExchangeOutcomes
{
    public static FailureKind ToFailureKind(this ExchangeOutcome outcome) => outcome switch
    {
        ExchangeOutcome.Timeout => FailureKind.Timeout,
        ExchangeOutcome.Protocol => FailureKind.Protocol,
        _ => FailureKind.Connection,
    };
}

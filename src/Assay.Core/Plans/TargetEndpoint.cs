namespace Assay.Core.Plans;

/// <summary>
/// One address a driver connects to: the instance's URL (its scheme is the catalog entry's protocol,
/// e.g. <c>postgresql://127.0.0.1:41234</c>) and the connection settings the entry declares (user,
/// password, database…). Credentials are generated per run and must never be printed.
/// </summary>
public sealed record TargetEndpoint(Uri Address, IReadOnlyDictionary<string, string> Connection)
{
    public static TargetEndpoint For(Uri address) => new(address, new Dictionary<string, string>());
}

using System.Text.RegularExpressions;
using Assay.Core.Slo;

namespace Assay.Reporting.Slo;

/// <summary>
/// One SLO to write Prometheus rules for: the service it protects (the <c>sloth_service</c> label), the SLO
/// (its name is <c>sloth_slo</c>) and where its SLI comes from.
/// </summary>
public sealed partial record SloRuleSet(string Service, SloPlan Slo, PrometheusSli Sli)
{
    [GeneratedRegex("[^A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotAlphanumeric();

    /// <summary><c>service-slo</c>, the <c>sloth_id</c> label that keeps the SLO's series apart from every other's.</summary>
    public string Id => $"{Service}-{Slo.Name}";

    /// <summary>The alert's name: service and SLO in PascalCase, then <c>ErrorBudgetBurn</c> (<c>api</c>, <c>availability</c> → <c>ApiAvailabilityErrorBudgetBurn</c>).</summary>
    public string AlertName
    {
        get
        {
            var name = Pascal(Service) + Pascal(Slo.Name) + "ErrorBudgetBurn";
            return char.IsAsciiLetter(name[0]) ? name : "Slo" + name;
        }
    }

    private static string Pascal(string text) => string.Concat(
        NotAlphanumeric().Split(text)
            .Where(part => part.Length > 0)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}

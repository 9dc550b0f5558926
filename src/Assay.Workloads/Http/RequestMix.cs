namespace Assay.Workloads.Http;

/// <summary>Chooses a request of the mix with probability weight / Σ weights, from a caller's seeded Random.</summary>
internal sealed class RequestMix
{
    private readonly double[] _cumulative;

    public RequestMix(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
            throw new ArgumentException("The request mix is empty: an HTTP workload needs at least one request.", nameof(weights));
        if (weights.Any(w => !(w >= 0) || double.IsInfinity(w)))
            throw new ArgumentException("Every request weight must be a finite number ≥ 0.", nameof(weights));
        _cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++) _cumulative[i] = sum += weights[i];
        if (sum <= 0)
            throw new ArgumentException("At least one request weight must be above 0.", nameof(weights));
    }

    public int Count => _cumulative.Length;

    public int Next(Random random)
    {
        if (_cumulative.Length == 1) return 0;
        var point = random.NextDouble() * _cumulative[^1];
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (point < _cumulative[i]) return i;
        }
        return _cumulative.Length - 1;
    }
}

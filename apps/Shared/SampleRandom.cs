using System.Globalization;

namespace Assay.Apps.Shared;

/// <summary>
/// The apps' one source of randomness (sleeps, injected errors), seeded from <c>SEED</c> when set so that a run
/// can be repeated. <see cref="Random"/> is not thread-safe and requests arrive concurrently, hence the lock.
/// </summary>
internal sealed class SampleRandom
{
    private readonly Lock _gate = new();
    private readonly Random _random;

    public SampleRandom(int? seed) => _random = seed is { } value ? new Random(value) : new Random();

    public static SampleRandom FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable("SEED");
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SampleRandom(null);
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)
            ? new SampleRandom(seed)
            : throw new InvalidOperationException($"SEED='{text}' is not an integer: set SEED to a whole number, or unset it.");
    }

    /// <summary>A whole number from <paramref name="minInclusive"/> to <paramref name="maxInclusive"/>, both included.</summary>
    public int NextInclusive(int minInclusive, int maxInclusive)
    {
        lock (_gate)
        {
            return _random.Next(minInclusive, maxInclusive + 1);
        }
    }

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability)
    {
        lock (_gate)
        {
            return _random.NextDouble() < probability;
        }
    }
}

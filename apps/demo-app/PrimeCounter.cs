namespace Assay.Apps.Demo;

/// <summary>
/// Counts primes by trial division, deliberately naive: the point is a fixed amount of integer work per request
/// that any runtime can reproduce step for step (README.md spells the algorithm out), not a fast sieve.
/// </summary>
internal static class PrimeCounter
{
    public static int CountUpTo(int n)
    {
        var count = 0;
        for (var k = 2; k <= n; k++)
        {
            if (IsPrime(k))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsPrime(int k)
    {
        if (k < 4)
        {
            return k >= 2;
        }

        if (k % 2 == 0)
        {
            return false;
        }

        // d * d stays far below int.MaxValue for k up to Compute.MaxN.
        for (var d = 3; d * d <= k; d += 2)
        {
            if (k % d == 0)
            {
                return false;
            }
        }

        return true;
    }
}

namespace Assay.Apps.Tests.Checks;

/// <summary>An independent count of primes (sieve of Eratosthenes) to check demo-app's trial division against.</summary>
internal static class PrimeSieve
{
    public static int CountUpTo(int n)
    {
        if (n < 2)
        {
            return 0;
        }

        var composite = new bool[n + 1];
        var count = 0;
        for (var k = 2; k <= n; k++)
        {
            if (composite[k])
            {
                continue;
            }

            count++;
            for (var multiple = (long)k * k; multiple <= n; multiple += k)
            {
                composite[multiple] = true;
            }
        }

        return count;
    }
}

using Assay.Core.Plans;

namespace Assay.Workloads.Kv;

/// <summary>Picks key indexes (0 … keyspace − 1) from a caller's seeded Random: uniformly, or zipfian with rank 0 the hottest.</summary>
internal abstract class KeyChooser
{
    public abstract int Next(Random random);

    public static KeyChooser For(KvWorkloadPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Distribution == KeyDistribution.Zipfian
            ? new Zipfian(plan.Keyspace, plan.ZipfExponent)
            : new Uniform(plan.Keyspace);
    }

    private sealed class Uniform(int keyspace) : KeyChooser
    {
        public override int Next(Random random) => random.Next(keyspace);
    }

    /// <summary>
    /// Zipf's law over n ranks by rejection-inversion (Hörmann and Derflinger, 1996), as Apache Commons RNG
    /// samples it: constant time and memory per draw for any exponent above 0, no table of n weights.
    /// </summary>
    internal sealed class Zipfian : KeyChooser
    {
        private readonly int _n;
        private readonly double _exponent;
        private readonly double _hIntegralX1;
        private readonly double _hIntegralN;
        private readonly double _s;

        public Zipfian(int n, double exponent)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
            if (!(exponent > 0) || double.IsInfinity(exponent))
                throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "The zipfian exponent must be a finite number above 0.");
            _n = n;
            _exponent = exponent;
            _hIntegralX1 = HIntegral(1.5) - 1.0;
            _hIntegralN = HIntegral(n + 0.5);
            _s = 2.0 - HIntegralInverse(HIntegral(2.5) - H(2.0));
        }

        public override int Next(Random random)
        {
            while (true)
            {
                var u = _hIntegralN + (random.NextDouble() * (_hIntegralX1 - _hIntegralN));
                var x = HIntegralInverse(u);
                var k = Math.Clamp((int)(x + 0.5), 1, _n);
                if (k - x <= _s || u >= HIntegral(k + 0.5) - H(k)) return k - 1;
            }
        }

        private double H(double x) => Math.Exp(-_exponent * Math.Log(x));

        private double HIntegral(double x)
        {
            var logX = Math.Log(x);
            return Helper2((1.0 - _exponent) * logX) * logX;
        }

        private double HIntegralInverse(double x)
        {
            var t = Math.Max(x * (1.0 - _exponent), -1.0);
            return Math.Exp(Helper1(t) * x);
        }

        /// <summary>log(1 + x) / x, accurate near 0.</summary>
        private static double Helper1(double x) =>
            Math.Abs(x) > 1e-8 ? Math.Log(1.0 + x) / x : 1.0 - (x * (0.5 - (x * ((1.0 / 3.0) - (0.25 * x)))));

        /// <summary>(e^x − 1) / x, accurate near 0.</summary>
        private static double Helper2(double x) =>
            Math.Abs(x) > 1e-8 ? (Math.Exp(x) - 1.0) / x : 1.0 + (x * 0.5 * (1.0 + (x * (1.0 / 3.0) * (1.0 + (0.25 * x)))));
    }
}

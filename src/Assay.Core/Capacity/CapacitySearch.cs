using System.Globalization;

namespace Assay.Core.Capacity;

/// <summary>
/// The capacity search as a state machine that runs nothing: <see cref="NextRate"/> proposes the rate to measure,
/// <see cref="Record"/> takes whether that step met the SLO. The rate doubles from start until a step fails or max
/// is reached (max itself is tried), then bisects between the highest pass and the lowest fail until
/// (fail − pass) ≤ precision × pass. The capacity is the highest passing rate. Pure; the engine runs the steps.
/// </summary>
/// <remarks>
/// Doubling ends after at most ⌈log₂(max/start)⌉ + 1 steps with a bracket no wider than its pass, and each
/// bisection halves it, so ⌈log₂(1/precision)⌉ more steps meet the precision: <see cref="StepLimit"/> is that sum
/// (plus one for rounding), and the search stops there whatever it is told.
/// </remarks>
public sealed class CapacitySearch
{
    private readonly List<RateTried> _steps = [];
    private double? _next;

    /// <param name="start">The first rate tried, operations per second; above 0.</param>
    /// <param name="max">The highest rate tried; at least <paramref name="start"/>.</param>
    /// <param name="precision">How narrow the final bracket must be, as a fraction of the rate found (0.05 = 5%); above 0.</param>
    public CapacitySearch(double start, double max, double precision)
    {
        if (!(start > 0) || double.IsInfinity(start))
            throw new ArgumentOutOfRangeException(nameof(start), start, "The start rate must be a positive number of operations per second, e.g. 10.");
        if (!(max >= start) || double.IsInfinity(max))
            throw new ArgumentOutOfRangeException(nameof(max), max, $"The max rate must be a finite rate at least the start ({Text(start)}/s).");
        if (!(precision > 0) || double.IsInfinity(precision))
            throw new ArgumentOutOfRangeException(nameof(precision), precision, "The precision must be a positive fraction of the rate, e.g. 0.05 for 5%.");
        Start = start;
        Max = max;
        Precision = precision;
        StepLimit = Doublings(max / start) + Math.Max(0, Doublings(1 / precision) - 1) + 1;
        _next = start;
    }

    /// <summary>A search with the plan's start, max and precision.</summary>
    public static CapacitySearch For(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new CapacitySearch(plan.Start, plan.Max, plan.Precision);
    }

    public double Start { get; }

    public double Max { get; }

    public double Precision { get; }

    /// <summary>The most steps the search can take; it never proposes more.</summary>
    public int StepLimit { get; }

    /// <summary>The rates tried so far, in order, and whether each passed.</summary>
    public IReadOnlyList<RateTried> Steps => _steps;

    /// <summary>The highest rate that passed; null while none has.</summary>
    public double? HighestPass { get; private set; }

    /// <summary>The lowest rate that failed; null while none has.</summary>
    public double? LowestFail { get; private set; }

    /// <summary>True once the search has nothing more to try.</summary>
    public bool IsDone => _next is null;

    /// <summary>The capacity found so far: the highest passing rate, 0 when none passed.</summary>
    public double Rate => HighestPass ?? 0;

    /// <summary>
    /// Why <see cref="Rate"/> is a bound rather than a rate found within the precision (even start failed, max
    /// passed, the step limit was reached); null otherwise.
    /// </summary>
    public string? Note { get; private set; }

    /// <summary>The rate to measure next (the same until it is recorded); null when the search is done.</summary>
    public double? NextRate() => _next;

    /// <summary>Records whether the step at the proposed <paramref name="rate"/> met the SLO, and decides the next rate.</summary>
    public void Record(double rate, bool passed)
    {
        if (_next is not { } expected)
            throw new InvalidOperationException("The capacity search is over: check NextRate() for null before running another step.");
        if (rate != expected)
            throw new ArgumentException($"The search proposed {Text(expected)}/s but was told about {Text(rate)}/s: record the rate NextRate() returned.", nameof(rate));
        _steps.Add(new RateTried(rate, passed));
        if (passed) HighestPass = Math.Max(HighestPass ?? rate, rate);
        else LowestFail = Math.Min(LowestFail ?? rate, rate);
        _next = Decide();
    }

    private double? Decide()
    {
        if (LowestFail is not { } fail)
        {
            var pass = HighestPass!.Value;
            if (pass >= Max)
                return Finish($"capacity is at least max ({Text(Max)}/s): every step passed; raise max to find the limit");
            return Continue(Math.Min(pass * 2, Max));
        }
        if (HighestPass is not { } highest)
            return Finish($"even the start rate ({Text(Start)}/s) missed the SLO: the capacity is below it; lower start to find it");
        if (fail - highest <= Precision * highest) return Finish(null);
        return Continue((highest + fail) / 2);
    }

    private double? Continue(double rate)
    {
        if (_steps.Count < StepLimit) return rate;
        var bracket = LowestFail is { } fail ? $"between {Text(Rate)} and {Text(fail)}/s" : $"at least {Text(Rate)}/s";
        return Finish($"stopped after {_steps.Count} steps, the most the search may take: the capacity is {bracket}");
    }

    private double? Finish(string? note)
    {
        Note = note;
        return null;
    }

    /// <summary>⌈log₂ ratio⌉ + 1: rates tried doubling from 1 to ratio, both ends included.</summary>
    private static int Doublings(double ratio) => ratio <= 1 ? 1 : (int)Math.Ceiling(Math.Log2(ratio)) + 1;

    private static string Text(double rate) => rate.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>One step of a capacity search: the rate measured and whether it met the SLO.</summary>
public sealed record RateTried(double Rate, bool Passed);

namespace Assay.Cli.Infrastructure;

/// <summary>The exit codes scripts and CI rely on.</summary>
public static class ExitCodes
{
    /// <summary>The run completed and every threshold held.</summary>
    public const int Passed = 0;

    /// <summary>A threshold failed, or a measurement was invalid.</summary>
    public const int Failed = 1;

    /// <summary>
    /// With <c>--fail-on-regression</c>, a KPI regressed against the recent runs: the same code as a failed
    /// threshold, since CI treats both as a failed check. An infrastructure error or cancellation keeps its own code.
    /// </summary>
    public const int Regressed = 1;

    /// <summary>The input was invalid (experiment file, arguments); nothing was started.</summary>
    public const int InvalidInput = 2;

    /// <summary>The infrastructure failed: a binary is missing, a component crashed or never became ready.</summary>
    public const int Infrastructure = 3;

    /// <summary>Interrupted (Ctrl-C or SIGTERM); what was measured is kept.</summary>
    public const int Cancelled = 130;

    /// <summary>
    /// The exit code of <c>assay run</c>: the run's own, except that a passed run exits <see cref="Regressed"/> when
    /// asked to fail on a regression and one was flagged.
    /// </summary>
    public static int For(Core.Results.RunStatus status, bool failOnRegression, bool regressed)
    {
        var code = For(status);
        return code == Passed && failOnRegression && regressed ? Regressed : code;
    }

    public static int For(Core.Results.RunStatus status) => status switch
    {
        Core.Results.RunStatus.Passed => Passed,
        Core.Results.RunStatus.Failed => Failed,
        Core.Results.RunStatus.Cancelled => Cancelled,
        _ => Infrastructure,
    };
}

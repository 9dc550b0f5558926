namespace Assay.Workloads.Http;

/// <summary>What one connection does for the whole run under a load model.</summary>
internal interface IConnectionLoop
{
    /// <summary>Runs until the run stops; network failures are recorded, never thrown.</summary>
    Task RunAsync();

    /// <summary>Interrupts any wait (think time, schedule, back-off) so the loop ends promptly.</summary>
    void Stop();
}

namespace Assay.Runtimes.Local;

/// <summary>Settings of the local runtime.</summary>
/// <param name="Root">The installation root: <c>${root}</c> in catalog entries, where apps are built.</param>
/// <param name="SampleInterval">How often CPU and memory are read (default 1 s).</param>
public sealed record LocalRuntimeOptions(string Root, TimeSpan SampleInterval);

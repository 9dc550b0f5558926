namespace Assay.Runtimes.Local.Processes;

/// <summary>
/// Everything needed to start one process: what to run, where its output goes, which cgroups it joins
/// before it runs a single instruction of its own, and which CPUs it may use.
/// </summary>
/// <param name="StdoutPath">File for standard output; null to read it through a pipe.</param>
/// <param name="CgroupProcsFiles">cgroup.procs files the process writes its pid into before exec.</param>
/// <param name="CpuSet">A cpuset list (<c>0</c>, <c>1-3</c>) to pin the process to; null = any CPU.</param>
/// <param name="RunAs">A system user to run as (its uid, gid and groups); null = as the lab.</param>
/// <param name="NewSession">Whether the process leads a session of its own (servers do; short commands need not).</param>
public sealed record LaunchSpec(
    string FileName,
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    string? StdoutPath,
    string StderrPath,
    IReadOnlyList<string> CgroupProcsFiles,
    string? CpuSet,
    string? RunAs = null,
    bool NewSession = true);

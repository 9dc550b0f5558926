using Assay.Core.Results;

namespace Assay.Engine.Running;

/// <summary>What a run needs besides its plan: its id, its folder, its seed and where it runs.</summary>
/// <param name="Directory">The run's folder: logs, rendered configuration and result.json live here.</param>
/// <param name="Seed">Base seed; each trial derives its own so runs are reproducible.</param>
public sealed record RunContext(string RunId, string Directory, int Seed, EnvironmentInfo Environment);

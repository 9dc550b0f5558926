using System.Text.Json;
using Assay.Core.Plans;

namespace Assay.Workloads.LoadGeneration;

/// <summary>
/// What the lab hands to a load generator process (<c>assay loadgen &lt;request.json&gt;</c>): the workload
/// plan, the endpoints of each role (with their connection settings) and the seed, as one JSON document.
/// The file may hold credentials: it is written readable by its owner only, and removed after the run.
/// </summary>
public sealed record LoadGenRequest(WorkloadPlan Plan, IReadOnlyDictionary<string, IReadOnlyList<TargetEndpoint>> Endpoints, int Seed)
{
    /// <summary>A request against plain URLs as the target.</summary>
    public static LoadGenRequest ForUrls(WorkloadPlan plan, IReadOnlyList<Uri> targets, int seed) =>
        new(plan, WorkloadRun.Targeting(targets), seed);

    public WorkloadRun ToRun() => new(Plan, Endpoints, Seed);

    public string ToJson() => JsonSerializer.Serialize(this, LoadGenJson.Options);

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        await JsonSerializer.SerializeAsync(file, this, LoadGenJson.Options, cancellationToken);
    }

    /// <summary>Reads and checks a request file; a <see cref="FormatException"/> says what is wrong with it.</summary>
    public static async Task<LoadGenRequest> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(path);
            var request = await JsonSerializer.DeserializeAsync<LoadGenRequest>(file, LoadGenJson.Options, cancellationToken);
            return Check(request, path);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The load generator request '{path}' is not valid: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"The load generator request '{path}' cannot be read: {e.Message}", e);
        }
    }

    public static LoadGenRequest Parse(string json)
    {
        try
        {
            return Check(JsonSerializer.Deserialize<LoadGenRequest>(json, LoadGenJson.Options), "(text)");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The load generator request is not valid: {e.Message}", e);
        }
    }

    private static LoadGenRequest Check(LoadGenRequest? request, string source)
    {
        if (request is null) throw new FormatException($"The load generator request '{source}' is empty (null).");
        if (request.Plan is null) throw new FormatException($"The load generator request '{source}' has no plan.");
        if (request.Endpoints is null || !request.Endpoints.TryGetValue(WorkloadPlan.TargetRole, out var targets) || targets.Count == 0)
            throw new FormatException($"The load generator request '{source}' has no targets: give at least one endpoint such as http://127.0.0.1:8080.");
        return request;
    }
}

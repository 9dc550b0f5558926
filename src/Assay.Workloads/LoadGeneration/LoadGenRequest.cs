using System.Text.Json;
using Assay.Core.Plans;

namespace Assay.Workloads.LoadGeneration;

/// <summary>
/// What the lab hands to a load generator process (<c>assay loadgen &lt;request.json&gt;</c>): the workload
/// plan, the target URLs and the seed, as one JSON document.
/// </summary>
public sealed record LoadGenRequest(WorkloadPlan Plan, IReadOnlyList<Uri> Targets, int Seed)
{
    public WorkloadRun ToRun() => new(Plan, Targets, Seed);

    public string ToJson() => JsonSerializer.Serialize(this, LoadGenJson.Options);

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
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
        if (request.Targets is null || request.Targets.Count == 0)
            throw new FormatException($"The load generator request '{source}' has no targets: give at least one base URL such as http://127.0.0.1:8080.");
        return request;
    }
}

namespace Assay.Apps.Cardinality;

/// <summary>How many series of <c>sensor_reading</c> the generator exposes: the origin lab's 1k / 10k / 50k.</summary>
internal sealed record CardinalityLevel(string Name, int Series)
{
    public const string EnvironmentVariable = "CARDINALITY_LEVEL";

    public static IReadOnlyList<CardinalityLevel> All { get; } = [new("low", 1_000), new("medium", 10_000), new("high", 50_000)];

    public static CardinalityLevel Default => All[0];

    public static CardinalityLevel? Find(string? name) => All.FirstOrDefault(level => level.Name == name);

    /// <summary>The level named by <c>CARDINALITY_LEVEL</c>, <see cref="Default"/> when unset; a wrong name stops the start.</summary>
    public static CardinalityLevel FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text)) return Default;
        return Find(text.Trim()) ?? throw new InvalidOperationException(
            $"{EnvironmentVariable}='{text}' is not a level: set it to {string.Join(", ", All.Select(level => level.Name))}, or unset it for {Default.Name}.");
    }
}

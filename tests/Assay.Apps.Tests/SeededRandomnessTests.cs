using System.Net;
using Assay.Apps.Tests.Checks;
using Assay.Apps.Tests.Running;

namespace Assay.Apps.Tests;

public sealed class SeededRandomnessTests
{
    [Fact(Timeout = 90_000)]
    public async Task The_same_SEED_gives_the_same_sequence_of_delays_and_item_counts()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(80));
        var first = await SequenceAsync("7", timeout.Token);
        var second = await SequenceAsync("7", timeout.Token);

        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 1, "a seeded sequence still varies from call to call");
    }

    /// <summary>Ten draws from a fresh metrics-app: /process item counts and / delays, interleaved.</summary>
    private static async Task<List<int>> SequenceAsync(string seed, CancellationToken cancellationToken)
    {
        await using var app = await SampleApp.StartAsync("metrics-app", cancellationToken, ("SEED", seed));
        try
        {
            var draws = new List<int>();
            for (var i = 0; i < 5; i++)
            {
                var processed = await CommonChecks.GetJsonAsync(app.Client, "process", HttpStatusCode.OK, cancellationToken);
                draws.Add(processed.GetProperty("items").GetInt32());
                var root = await CommonChecks.GetJsonAsync(app.Client, "", HttpStatusCode.OK, cancellationToken);
                draws.Add(root.GetProperty("delayMs").GetInt32());
            }

            return draws;
        }
        finally
        {
            await app.StopAndAssertExitedAsync(cancellationToken);
        }
    }
}

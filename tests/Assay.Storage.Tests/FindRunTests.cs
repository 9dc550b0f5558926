using Assay.Engine.Storage;
using Assay.Testing;

namespace Assay.Storage.Tests;

public sealed class FindRunTests
{
    private static readonly string[] Ids =
    [
        "20261127-042613-http-baseline-3f2a",
        "20261127-042613-http-baseline-3f2b",
        "20261128-101500-redis-cache-0001",
        "abc",
        "abcd",
    ];

    private static async Task<SqliteRunStore> StoreWithRunsAsync(StoreFolder folder, IEnumerable<string> ids)
    {
        var store = await folder.OpenAsync();
        foreach (var id in ids)
            await store.BeginRunAsync(new RunResultBuilder { RunId = id }.BuildRecord(), folder.Token);
        return store;
    }

    [Theory(Timeout = 30_000)]
    [InlineData("20261128", "20261128-101500-redis-cache-0001")]
    [InlineData("20261127-042613-http-baseline-3f2b", "20261127-042613-http-baseline-3f2b")]
    [InlineData("20261127-042613-http-baseline-3f2a", "20261127-042613-http-baseline-3f2a")]
    [InlineData("abc", "abc")]
    [InlineData("abcd", "abcd")]
    public async Task A_full_id_or_a_unique_prefix_finds_the_run(string idOrPrefix, string expected)
    {
        await using var folder = new StoreFolder();
        var store = await StoreWithRunsAsync(folder, Ids);

        var run = await store.FindRunAsync(idOrPrefix, folder.Token);

        Assert.Equal(expected, run?.Listing.RunId);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_shared_prefix_lists_the_candidates()
    {
        await using var folder = new StoreFolder();
        var store = await StoreWithRunsAsync(folder, Ids);

        var error = await Assert.ThrowsAsync<AmbiguousRunIdException>(() => store.FindRunAsync("20261127", folder.Token));

        Assert.Equal([Ids[0], Ids[1]], error.Candidates);
        Assert.Contains(Ids[0], error.Message, StringComparison.Ordinal);
        Assert.Contains(Ids[1], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Ids[2], error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Many_candidates_are_cut_to_the_first_ten()
    {
        await using var folder = new StoreFolder();
        var ids = Enumerable.Range(1, 12).Select(i => $"20261127-0426{i:00}-http-baseline-0000").ToList();
        var store = await StoreWithRunsAsync(folder, ids);

        var error = await Assert.ThrowsAsync<AmbiguousRunIdException>(() => store.FindRunAsync("2026", folder.Token));

        Assert.Equal(ids.Take(10), error.Candidates);
        Assert.EndsWith("…. Type more of the id to choose one.", error.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("2025")]
    [InlineData("20261127-042613-http-baseline-3f2c")]
    [InlineData("ABC")]
    [InlineData("*")]
    [InlineData("2026112?")]
    [InlineData("[2]")]
    public async Task No_match_gives_null_and_wildcards_match_only_themselves(string idOrPrefix)
    {
        await using var folder = new StoreFolder();
        var store = await StoreWithRunsAsync(folder, Ids);

        Assert.Null(await store.FindRunAsync(idOrPrefix, folder.Token));
    }

    [Fact(Timeout = 30_000)]
    public async Task Ids_with_wildcard_characters_are_found_by_prefix()
    {
        await using var folder = new StoreFolder();
        var store = await StoreWithRunsAsync(folder, ["run*[1]?-x", "run-2"]);

        Assert.Equal("run*[1]?-x", (await store.FindRunAsync("run*[", folder.Token))?.Listing.RunId);
    }
}

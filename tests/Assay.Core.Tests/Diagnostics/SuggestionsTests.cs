using Assay.Core.Diagnostics;

namespace Assay.Core.Tests.Diagnostics;

public class SuggestionsTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("same", "same", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("request", "requests", 1)]
    [InlineData("duration", "duraton", 1)]
    [InlineData("connections", "connectoins", 1)]
    [InlineData("ab", "ba", 1)]
    [InlineData("A", "a", 1)]
    public void Distance_counts_insertions_deletions_substitutions_and_adjacent_swaps(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Distance(a, b));
        Assert.Equal(expected, Suggestions.Distance(b, a));
    }

    [Fact]
    public void Distance_edits_each_substring_once_so_ca_to_abc_takes_three_edits() =>
        // Unrestricted Damerau-Levenshtein would say 2 (swap, then insert between the swapped letters);
        // optimal string alignment forbids editing a transposed pair again.
        Assert.Equal(3, Suggestions.Distance("ca", "abc"));

    [Fact]
    public void Closest_finds_a_mistyped_name_and_returns_the_candidate_as_spelled() =>
        Assert.Equal("request", Suggestions.Closest("reqest", ["name", "request"]));

    [Fact]
    public void Closest_ignores_case() =>
        Assert.Equal("maxConnections", Suggestions.Closest("MAXCONNECTIONS", ["connections", "maxConnections"]));

    [Fact]
    public void Closest_prefers_the_nearest_candidate_and_the_first_of_equals()
    {
        Assert.Equal("duration", Suggestions.Closest("duratio", ["durations", "duration"]));
        Assert.Equal("bat", Suggestions.Closest("cat", ["bat", "hat"]));
    }

    [Theory]
    [InlineData("ab", "xy", null)]
    [InlineData("cnt", "count", null)]
    [InlineData("cout", "count", "count")]
    [InlineData("thnktm", "think", null)]
    [InlineData("warmup", "warmUp", "warmUp")]
    [InlineData("wrmp", "warmUp", null)]
    [InlineData("durtin", "duration", "duration")]
    public void Closest_allows_a_third_of_the_input_length_in_edits_and_at_least_one(string input, string candidate, string? expected) =>
        Assert.Equal(expected, Suggestions.Closest(input, [candidate]));

    [Fact]
    public void Closest_never_allows_more_than_three_edits_however_long_the_input()
    {
        const string Candidate = "abcdefghijklmnopqr";
        Assert.Equal(Candidate, Suggestions.Closest("abcdefghijklmnoxxx", [Candidate]));
        Assert.Null(Suggestions.Closest("abcdefghijklmnxxxx", [Candidate]));
    }

    [Fact]
    public void Closest_of_no_candidates_is_null() =>
        Assert.Null(Suggestions.Closest("anything", []));

    [Fact]
    public void The_hint_asks_did_you_mean_when_a_candidate_is_close() =>
        Assert.Equal("did you mean 'closed'?", Suggestions.Hint("clsoed", ["open", "closed"]));

    [Fact]
    public void The_hint_lists_the_allowed_values_when_none_is_close() =>
        Assert.Equal("allowed: open, closed", Suggestions.Hint("poisson", ["open", "closed"]));
}

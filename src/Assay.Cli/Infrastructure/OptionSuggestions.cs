using System.Reflection;
using System.Text.RegularExpressions;
using Assay.Core.Diagnostics;
using Spectre.Console.Cli;

namespace Assay.Cli.Infrastructure;

/// <summary>"Did you mean --duration?" for a mistyped option, from the options the commands declare.</summary>
internal static partial class OptionSuggestions
{
    [GeneratedRegex("^Unknown option '(?<name>[^']+)'")]
    private static partial Regex UnknownOption();

    private static readonly Lazy<IReadOnlyList<string>> Options = new(() =>
        [.. typeof(OptionSuggestions).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(CommandSettings)))
            .SelectMany(t => t.GetProperties())
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .SelectMany(a => a.LongNames)
            .Distinct()]);

    /// <summary>The suggestion for an "Unknown option" message, or null.</summary>
    public static string? For(string message)
    {
        var match = UnknownOption().Match(message);
        if (!match.Success) return null;
        var closest = Suggestions.Closest(match.Groups["name"].Value.TrimStart('-'), Options.Value);
        return closest is null ? null : $"did you mean --{closest}?";
    }
}

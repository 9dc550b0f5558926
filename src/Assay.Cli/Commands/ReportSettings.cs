using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

public sealed class ReportSettings : LabSettings
{
    /// <summary>The formats <c>--format</c> takes.</summary>
    public static readonly IReadOnlyList<string> Formats = ["html", "md", "json"];

    [CommandArgument(0, "<RUN>")]
    [Description("A run id, or a unique prefix of one (see assay runs)")]
    public string Run { get; set; } = "";

    [CommandOption("-f|--format <FORMAT>")]
    [Description("html (one self-contained file), md (Markdown, with its charts as SVG files beside --out) or json (the result document)")]
    [DefaultValue("html")]
    public string Format { get; set; } = "html";

    [CommandOption("-o|--out <PATH>")]
    [Description("Writes the report to this file (and, for md, its charts beside it) instead of standard output")]
    public string? Out { get; set; }

    public override ValidationResult Validate() =>
        Formats.Contains(Format, StringComparer.Ordinal)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format must be {string.Join(", ", Formats.SkipLast(1))} or {Formats[^1]}, not '{Format}'");
}

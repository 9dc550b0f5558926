using System.Globalization;
using System.Text.RegularExpressions;
using Assay.Core.Diagnostics;
using Assay.Core.Units;
using Assay.Specs.Yaml;

namespace Assay.Specs.Values;

/// <summary>
/// Converts scalars to the types of their fields, after substitution, reporting each bad value at its
/// position with the expected type and an example. Every method returns null for an unset value, an
/// invalid one (after reporting it) or one waiting for a parameter (<see cref="Deferred"/>).
/// </summary>
internal sealed partial class ValueReader(IScalarRenderer? renderer, DiagnosticBag diagnostics)
{
    public const string NameHint = "use lower-case letters, digits and '-', starting with a letter, at most 63 characters";

    private bool _deferred;

    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^\s*(?<n>[^/\s]+)\s*/\s*s\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PerSecondPattern();

    /// <summary>True when some value could not be checked because a parameter it uses has no value yet.</summary>
    public bool Deferred => _deferred;

    public DiagnosticBag Diagnostics => diagnostics;

    /// <summary>Reports a required field that is missing, at its parent.</summary>
    public void Required(SpecNode parent, string field)
    {
        var path = FieldPath.Child(parent.FieldPath, field);
        if (diagnostics.HasErrorFor(path)) return;
        diagnostics.Error(parent.Location, path, "required field is missing", FieldInfo.ExampleHint(path));
    }

    public void Error(Scalar scalar, string message, string? hint = null) =>
        diagnostics.Error(scalar.Location, scalar.FieldPath, message, hint);

    public string? Text(Scalar? scalar) => Render(scalar)?.Text;

    /// <summary>A name such as a variant's or a component's: <c>^[a-z][a-z0-9-]*$</c>, at most 63 characters.</summary>
    public string? Name(Scalar? scalar)
    {
        if (Text(scalar) is not { } text) return null;
        if (text.Length <= 63 && NamePattern().IsMatch(text)) return text;
        Error(scalar!, $"'{text}' is not a valid name", $"{NameHint}, e.g. {Example(scalar!)}");
        return null;
    }

    /// <summary>One of a fixed set of words, with "did you mean" for a near miss.</summary>
    public string? OneOf(Scalar? scalar, IReadOnlyCollection<string> allowed)
    {
        if (Text(scalar) is not { } text) return null;
        if (allowed.Contains(text)) return text;
        var hint = Suggestions.Closest(text, allowed) is { } closest ? $"did you mean '{closest}'?" : FieldInfo.ExampleHint(scalar!.FieldPath);
        Error(scalar!, $"'{text}' is not one of {string.Join(", ", allowed)}", hint);
        return null;
    }

    public int? Integer(Scalar? scalar, int min, int max = int.MaxValue)
    {
        if (Render(scalar) is not { } value) return null;
        if (!value.IsPlain || !CoreSchema.TryInteger(value.Text, out var number))
        {
            WrongType(scalar!, value);
            return null;
        }
        if (number < min || number > max)
        {
            OutOfRange(scalar!, value.Text, min, exclusiveMin: false, max);
            return null;
        }
        return (int)number;
    }

    public double? Number(Scalar? scalar, double min, bool exclusiveMin, double max = double.MaxValue)
    {
        if (Render(scalar) is not { } value) return null;
        if (!value.IsPlain || !CoreSchema.TryNumber(value.Text, out var number))
        {
            WrongType(scalar!, value);
            return null;
        }
        return CheckRange(scalar!, value.Text, number, min, exclusiveMin, max);
    }

    /// <summary>Requests per second: a number, or a text such as <c>200/s</c>.</summary>
    public double? RatePerSecond(Scalar? scalar)
    {
        if (Render(scalar) is not { } value) return null;
        var text = value.Text;
        var match = PerSecondPattern().Match(text);
        if (!(value.IsPlain && CoreSchema.TryNumber(text, out var number))
            && !(match.Success && CoreSchema.TryNumber(match.Groups["n"].Value, out number)))
        {
            Error(scalar!, $"expected a number of requests per second, got '{text}'", "write a number or a rate, e.g. rate: 200 or rate: 200/s");
            return null;
        }
        return CheckRange(scalar!, text, number, 0, exclusiveMin: true, double.MaxValue);
    }

    public TimeSpan? Duration(Scalar? scalar, bool allowZero)
    {
        if (Render(scalar) is not { } value) return null;
        if (!DurationText.TryParse(value.Text, out var duration))
        {
            var hint = value.IsPlain && CoreSchema.TryNumber(value.Text, out _)
                ? $"a number alone has no unit; {DurationText.Hint}"
                : DurationText.Hint;
            Error(scalar!, $"'{value.Text}' is not a duration", hint);
            return null;
        }
        if (duration < TimeSpan.Zero || (!allowZero && duration == TimeSpan.Zero))
        {
            Error(scalar!, allowZero ? $"must not be negative, got '{value.Text}'" : $"must be greater than zero, got '{value.Text}'",
                FieldInfo.ExampleHint(scalar!.FieldPath));
            return null;
        }
        return duration;
    }

    /// <summary>Bytes: an integer, or a size with a unit such as <c>256Mi</c>; more than zero.</summary>
    public long? ByteSize(Scalar? scalar)
    {
        if (Render(scalar) is not { } value) return null;
        if (!ByteSizeText.TryParse(value.Text, out var bytes))
        {
            Error(scalar!, $"'{value.Text}' is not a size", ByteSizeText.Hint);
            return null;
        }
        if (bytes <= 0)
        {
            Error(scalar!, $"must be greater than zero, got '{value.Text}'", FieldInfo.ExampleHint(scalar!.FieldPath));
            return null;
        }
        return bytes;
    }

    /// <summary>A cpuset list, written back in canonical form; the CPUs it names come out too.</summary>
    public string? CpuList(Scalar? scalar, out SortedSet<int>? cpus)
    {
        cpus = null;
        if (Text(scalar) is not { } text) return null;
        cpus = CpuSetText.Parse(text);
        if (cpus is not null) return CpuSetText.Format(cpus);
        Error(scalar!, $"'{text}' is not a CPU list", CpuSetText.Hint);
        return null;
    }

    private RenderedScalar? Render(Scalar? scalar)
    {
        if (scalar is null) return null;
        if (renderer is null) return new RenderedScalar(scalar.Text, scalar.IsPlain);
        return renderer.Render(scalar, diagnostics, ref _deferred);
    }

    private double? CheckRange(Scalar scalar, string text, double number, double min, bool exclusiveMin, double max)
    {
        var below = exclusiveMin ? number <= min : number < min;
        if (!below && number <= max && double.IsFinite(number)) return number;
        OutOfRange(scalar, text, min, exclusiveMin, max);
        return null;
    }

    private void OutOfRange(Scalar scalar, string text, double min, bool exclusiveMin, double max)
    {
        var bound = max < double.MaxValue && max < int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"must be {(exclusiveMin ? "greater than" : "from")} {min} {(exclusiveMin ? "and at most" : "to")} {max}")
            : string.Create(CultureInfo.InvariantCulture, $"must be {(exclusiveMin ? "greater than" : "at least")} {min}");
        Error(scalar, $"{bound}, got {text}", FieldInfo.ExampleHint(scalar.FieldPath));
    }

    private void WrongType(Scalar scalar, RenderedScalar value)
    {
        var type = FieldInfo.For(scalar.FieldPath)?.Type ?? "a number";
        var example = FieldInfo.ExampleHint(scalar.FieldPath);
        if (!value.IsPlain && CoreSchema.TryNumber(value.Text, out _))
        {
            Error(scalar, $"expected {type}, got the quoted text '{value.Text}'", $"remove the quotes{(example is null ? "" : $"; {example}")}");
            return;
        }
        Error(scalar, $"expected {type}, got '{value.Text}'", example);
    }

    private static string Example(Scalar scalar) => FieldInfo.For(scalar.FieldPath)?.Example ?? "web";
}

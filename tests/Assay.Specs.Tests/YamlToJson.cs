using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Assay.Specs.Tests;

/// <summary>
/// YAML to JSON as a JSON Schema tool in an editor sees it: YAML 1.2 core-schema typing of plain scalars
/// (null, booleans, integers, floats), everything quoted is a string. Written apart from the parser's own
/// typing on purpose, so the schema test does not share its mistakes.
/// </summary>
internal static partial class YamlToJson
{
    [GeneratedRegex("^(null|Null|NULL|~|)$")]
    private static partial Regex Null();

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex Bool();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Decimal();

    [GeneratedRegex("^0o[0-7]+$")]
    private static partial Regex Octal();

    [GeneratedRegex("^0x[0-9a-fA-F]+$")]
    private static partial Regex Hex();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    public static JsonElement Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var node = Convert(stream.Documents[0].RootNode);
        return JsonSerializer.SerializeToElement(node);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(e =>
            KeyValuePair.Create(((YamlScalarNode)e.Key).Value ?? "", Convert(e.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || !(scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific)) return JsonValue.Create(text);
        if (Null().IsMatch(text)) return null;
        if (Bool().IsMatch(text)) return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        if (Decimal().IsMatch(text)) return JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture));
        if (Octal().IsMatch(text)) return JsonValue.Create(System.Convert.ToInt64(text[2..], 8));
        if (Hex().IsMatch(text)) return JsonValue.Create(long.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        if (Float().IsMatch(text)) return JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture));
        return JsonValue.Create(text);
    }
}

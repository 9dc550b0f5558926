using System.Text.RegularExpressions;
using Assay.Core.Catalog;
using Assay.Core.Diagnostics;
using Assay.Core.Templates;
using Assay.Specs.Values;
using Assay.Specs.Yaml;

namespace Assay.Specs.Catalogs;

/// <summary>
/// Reads and checks one catalog entry file (<c>kind: CatalogEntry</c>) into a <see cref="CatalogEntry"/>.
/// Catalog files have no experiment parameters, so values are converted as they are read; templates are
/// checked but left for the runtime to render.
/// </summary>
internal static partial class CatalogEntryParser
{
    public const string Kind = "CatalogEntry";

    private static readonly string[] RootFields = ["apiVersion", "kind", "metadata", "spec"];
    private static readonly string[] MetadataFields = ["name", "labels"];
    private static readonly string[] SpecFields =
        ["description", "protocol", "binary", "ports", "start", "init", "setup", "readiness", "metrics", "stop", "parameters", "connection", "links"];
    private static readonly string[] BinaryFields = ["command", "build", "package", "searchPaths", "versionArgs"];
    private static readonly string[] StartFields = ["args", "env", "files", "runAs"];
    private static readonly string[] CommandFields = ["command", "args", "env", "timeout"];
    private static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] FileFields = ["path", "content"];
    private static readonly string[] ReadinessFields = ["http", "tcp", "timeout", "interval"];
    private static readonly string[] HttpProbeFields = ["port", "path"];
    private static readonly string[] TcpProbeFields = ["port"];
    private static readonly string[] MetricsFields = ["port", "path"];
    private static readonly string[] StopFields = ["signal", "grace"];
    private static readonly Dictionary<string, int> Signals = new(StringComparer.Ordinal)
    {
        ["SIGTERM"] = StopPolicy.SigTerm,
        ["SIGINT"] = StopPolicy.SigInt,
        ["SIGQUIT"] = StopPolicy.SigQuit,
    };

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterNamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentNamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9+.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PackageNamePattern();

    [GeneratedRegex("^[a-z_][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProtocolPattern();

    public static CatalogEntry? Parse(string file, string text, DiagnosticBag diagnostics, out SourceLocation? nameLocation)
    {
        nameLocation = null;
        var errorsBefore = diagnostics.ErrorCount;
        var root = YamlReader.Read(file, text, diagnostics);
        if (FieldReader.Open(root, "", diagnostics, RootFields) is not { } document)
        {
            if (root is YamlScalar) diagnostics.Error(root.Location, "", "expected a catalog entry", "start with apiVersion: assay.dev/v1alpha1 and kind: CatalogEntry");
            return null;
        }
        var values = new ValueReader(null, diagnostics);
        var documentNode = new Node("", document.Location);
        Envelope(document, values, documentNode);

        var metadata = document.Mapping("metadata", MetadataFields);
        if (metadata is null) values.Required(documentNode, "metadata");
        var nameScalar = metadata?.Scalar("name");
        if (metadata is not null && nameScalar is null) values.Required(new Node(metadata.Path, metadata.Location), "name");
        metadata?.ScalarMap("labels");
        var name = values.Name(nameScalar);
        nameLocation = nameScalar?.Location;

        if (document.Mapping("spec", SpecFields) is not { } spec)
        {
            values.Required(documentNode, "spec");
            return null;
        }
        var specNode = new Node(spec.Path, spec.Location);
        var ports = Ports(spec, values, specNode);
        var parameters = Parameters(spec, values);
        var links = Links(spec, values);
        var templates = new TemplateChecker(ports, parameters.Keys, links, diagnostics);

        var entry = new CatalogEntry(
            name ?? "",
            values.Text(spec.Scalar("description")) ?? "",
            Protocol(spec, values),
            Binary(spec, values, templates, specNode),
            ports,
            Launch(spec, values, templates),
            Commands(spec, "init", values, templates),
            Commands(spec, "setup", values, templates),
            Readiness(spec, values, ports, specNode),
            Metrics(spec, values, ports),
            Stop(spec, values),
            parameters,
            TemplateMap(spec.ScalarMap("connection"), values, templates),
            links,
            file);
        return diagnostics.ErrorCount > errorsBefore ? null : entry;
    }

    private static void Envelope(FieldReader document, ValueReader values, Node documentNode)
    {
        var apiVersion = document.Scalar("apiVersion");
        if (apiVersion is null) values.Required(documentNode, "apiVersion");
        else if (values.Text(apiVersion) is { } version && version != Experiments.ExperimentDocument.ApiVersionV1Alpha1)
            values.Error(apiVersion, $"unsupported apiVersion '{version}'", $"write apiVersion: {Experiments.ExperimentDocument.ApiVersionV1Alpha1}");

        var kind = document.Scalar("kind");
        if (kind is null) values.Required(documentNode, "kind");
        else if (values.Text(kind) is { } text && text != Kind)
        {
            values.Error(kind, $"kind '{text}' is not a catalog entry",
                text == Experiments.ExperimentDocument.ExperimentKind ? "this is an experiment: put it in experiments/NAME/experiment.yaml" : $"write kind: {Kind}");
        }
    }

    private static List<string> Ports(FieldReader spec, ValueReader values, Node specNode)
    {
        var ports = new List<string>();
        var written = spec.ScalarList("ports");
        if (written is null)
        {
            values.Required(specNode, "ports");
            return ports;
        }
        if (written.Count == 0)
            values.Diagnostics.Error(spec.KeyLocation("ports"), spec.PathOf("ports"), "needs at least one port name", "e.g. ports: [http]");
        foreach (var scalar in written)
        {
            if (values.Name(scalar) is not { } port) continue;
            if (ports.Contains(port)) values.Error(scalar, $"port '{port}' is listed twice", "list each port name once");
            else ports.Add(port);
        }
        return ports;
    }

    private static Dictionary<string, string> Parameters(FieldReader spec, ValueReader values)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in spec.ScalarMap("parameters") ?? [])
        {
            if (!ParameterNamePattern().IsMatch(key.Text))
            {
                values.Error(key, $"'{key.Text}' is not a valid parameter name", "use letters, digits, '-' and '_', starting with a letter, e.g. workers");
                continue;
            }
            parameters[key.Text] = value.Text;
        }
        return parameters;
    }

    private static BinaryRequirement Binary(FieldReader spec, ValueReader values, TemplateChecker templates, Node specNode)
    {
        if (spec.Mapping("binary", BinaryFields) is not { } binary)
        {
            values.Required(specNode, "binary");
            return new BinaryRequirement("", [], null, null, []);
        }
        var binaryNode = new Node(binary.Path, binary.Location);
        var commandScalar = binary.Scalar("command");
        if (commandScalar is null) values.Required(binaryNode, "command");
        var command = values.Text(commandScalar);
        if (command is not null && templates.Check(commandScalar) && Template.Names(command).Count == 0
            && command.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(command))
        {
            values.Error(commandScalar!, $"command '{command}' is a relative path",
                "write an absolute path (e.g. ${root}/artifacts/apps/NAME/NAME) or a bare name found on PATH");
        }

        var build = values.Text(binary.Scalar("build"));
        var package = values.Text(binary.Scalar("package"));
        if (package is not null && !PackageNamePattern().IsMatch(package))
            values.Error(binary.Scalar("package")!, $"'{package}' is not a Debian package name", "e.g. package: nginx");
        if (build is not null && package is not null)
            values.Error(binary.Scalar("package")!, "set either 'build' or 'package', not both", "build: for a project of this repository, package: for a Debian package");
        else if (build is null && package is null && !values.Diagnostics.HasErrorFor(binary.PathOf("build")) && !values.Diagnostics.HasErrorFor(binary.PathOf("package")))
            values.Diagnostics.Error(binary.Location, binary.PathOf("build"), "says neither how to build nor which package installs the binary",
                "add build: <project folder> (e.g. apps/demo-app) or package: <Debian package> (e.g. nginx)");

        var searchPaths = TemplateList(binary.ScalarList("searchPaths"), values, templates);
        var versionArgs = TemplateList(binary.ScalarList("versionArgs"), values, templates);
        return new BinaryRequirement(command ?? "", searchPaths, package, build, versionArgs);
    }

    private static string Protocol(FieldReader spec, ValueReader values)
    {
        if (spec.Scalar("protocol") is not { } scalar) return CatalogEntry.DefaultProtocol;
        var protocol = values.Text(scalar);
        if (protocol is null || !ProtocolPattern().IsMatch(protocol))
        {
            values.Error(scalar, $"'{protocol}' is not a protocol name", "e.g. protocol: postgresql (what drivers speak to it: http, postgresql, mysql, redis, memcached, nats, amqp, mqtt, prometheus, loki)");
            return CatalogEntry.DefaultProtocol;
        }
        return protocol;
    }

    private static List<string> Links(FieldReader spec, ValueReader values)
    {
        var links = new List<string>();
        foreach (var scalar in spec.ScalarList("links") ?? [])
        {
            if (values.Name(scalar) is not { } link) continue;
            if (links.Contains(link)) values.Error(scalar, $"link '{link}' is listed twice", "list each link name once");
            else links.Add(link);
        }
        return links;
    }

    /// <summary>init or setup: commands run to completion before the start or once the instance is ready.</summary>
    private static List<CommandTemplate> Commands(FieldReader spec, string field, ValueReader values, TemplateChecker templates)
    {
        var commands = new List<CommandTemplate>();
        foreach (var command in spec.MappingList(field, CommandFields) ?? [])
        {
            var node = new Node(command.Path, command.Location);
            var program = command.Scalar("command");
            if (program is null) values.Required(node, "command");
            templates.Check(program);
            var timeout = values.Duration(command.Scalar("timeout"), allowZero: false) ?? DefaultCommandTimeout;
            var text = values.Text(program);
            if (text is null) continue;
            commands.Add(new CommandTemplate(text, TemplateList(command.ScalarList("args"), values, templates),
                Environment(command, values, templates), timeout));
        }
        return commands;
    }

    private static Dictionary<string, string> TemplateMap(IReadOnlyList<ScalarPair>? pairs, ValueReader values, TemplateChecker templates)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs ?? [])
        {
            templates.Check(value);
            if (values.Text(value) is { } text) map[key.Text] = text;
        }
        return map;
    }

    private static Dictionary<string, string> Environment(FieldReader reader, ValueReader values, TemplateChecker templates)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in reader.ScalarMap("env") ?? [])
        {
            if (!EnvironmentNamePattern().IsMatch(key.Text))
                values.Error(key, $"'{key.Text}' is not a valid environment variable name", "use letters, digits and '_', e.g. APP_NAME");
            templates.Check(value);
            environment[key.Text] = value.Text;
        }
        return environment;
    }

    private static LaunchTemplate Launch(FieldReader spec, ValueReader values, TemplateChecker templates)
    {
        if (spec.Mapping("start", StartFields) is not { } start) return new LaunchTemplate([], new Dictionary<string, string>(), []);
        var args = TemplateList(start.ScalarList("args"), values, templates);
        var environment = Environment(start, values, templates);
        var runAsScalar = start.Scalar("runAs");
        var runAs = values.Text(runAsScalar);
        if (runAs is not null && !UserNamePattern().IsMatch(runAs))
        {
            values.Error(runAsScalar!, $"'{runAs}' is not a user name", "e.g. runAs: postgres (the system user the server's package creates)");
            runAs = null;
        }
        var files = new List<ConfigFileTemplate>();
        foreach (var file in start.MappingList("files", FileFields) ?? [])
        {
            if (ConfigFile(file, values, templates) is { } parsed) files.Add(parsed);
        }
        foreach (var duplicate in files.GroupBy(f => f.Path).Where(g => g.Count() > 1))
            values.Diagnostics.Error(start.Location, start.PathOf("files"), $"file '{duplicate.Key}' is listed twice", "render each file once");
        return new LaunchTemplate(args, environment, files, runAs);
    }

    private static ConfigFileTemplate? ConfigFile(FieldReader file, ValueReader values, TemplateChecker templates)
    {
        var node = new Node(file.Path, file.Location);
        var pathScalar = file.Scalar("path");
        var contentScalar = file.Scalar("content");
        if (pathScalar is null) values.Required(node, "path");
        if (contentScalar is null) values.Required(node, "content");
        var path = values.Text(pathScalar);
        if (path is not null && (Path.IsPathRooted(path) || path.Split('/', '\\').Contains("..")))
        {
            values.Error(pathScalar!, $"'{path}' leaves the instance folder", "write a path relative to the instance folder, e.g. path: nginx.conf");
            path = null;
        }
        templates.Check(pathScalar);
        templates.Check(contentScalar);
        var content = values.Text(contentScalar);
        return path is null || content is null ? null : new ConfigFileTemplate(path, content);
    }

    private static List<string> TemplateList(IReadOnlyList<Scalar>? scalars, ValueReader values, TemplateChecker templates)
    {
        var texts = new List<string>();
        foreach (var scalar in scalars ?? [])
        {
            templates.Check(scalar);
            if (values.Text(scalar) is { } text) texts.Add(text);
        }
        return texts;
    }

    /// <summary>A stand-in parent for "required field is missing" errors of a mapping read directly.</summary>
    private sealed record Node(string FieldPath, SourceLocation Location) : SpecNode(FieldPath, Location);
}

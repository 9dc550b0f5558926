using Assay.Specs.Values;
using Assay.Specs.Yaml;

namespace Assay.Specs.Experiments.Drivers;

/// <summary>
/// What the two ingest drivers' blocks share: a list of named queries and the interval of their rounds. Query
/// names become operation names, so they follow the rules of names and are unique.
/// </summary>
internal static class IngestBlock
{
    /// <summary>A named query as written, its name checked; null fields were missing or wrong (already reported).</summary>
    public sealed record NamedQuery(string? Name, string? Query, FieldReader Reader);

    /// <summary>Reads <c>queries</c>; reports a missing list, an empty one, missing fields, duplicate and reserved names.</summary>
    public static IReadOnlyList<NamedQuery>? Queries(DriverContext context, FieldReader block, IReadOnlyCollection<string> fields, string reserved, string example)
    {
        var readers = block.MappingList("queries", fields);
        if (readers is null)
        {
            if (!block.Has("queries")) context.Values.Required(new BlockNode(block), "queries");
            return null;
        }
        if (readers.Count == 0)
        {
            context.Values.Diagnostics.Error(block.KeyLocation("queries"), block.PathOf("queries"), "lists no query", $"e.g. queries: [{example}]");
            return null;
        }
        var queries = new List<NamedQuery>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reader in readers)
        {
            var node = new BlockNode(reader);
            var nameScalar = reader.Scalar("name");
            var queryScalar = reader.Scalar("query");
            if (nameScalar is null) context.Values.Required(node, "name");
            if (queryScalar is null) context.Values.Required(node, "query");
            var name = context.Values.Name(nameScalar);
            if (name == reserved)
            {
                context.Values.Error(nameScalar!, $"'{reserved}' is the name of the driver's own operation", "choose another name for this query");
                name = null;
            }
            else if (name is not null && !seen.Add(name))
            {
                context.Values.Error(nameScalar!, $"query '{name}' is listed twice", "give every query its own name: it names the operation in results and thresholds");
                name = null;
            }
            var query = context.Values.Text(queryScalar);
            if (query is not null && string.IsNullOrWhiteSpace(query))
            {
                context.Values.Error(queryScalar!, "the query is empty", $"e.g. {example}");
                query = null;
            }
            if (name is not null) context.OperationNames.Add(name);
            queries.Add(new NamedQuery(name, query, reader));
        }
        return queries;
    }

    /// <summary>A positive duration, or the default when the field is absent.</summary>
    public static TimeSpan? Duration(DriverContext context, FieldReader reader, string field, TimeSpan fallback) =>
        reader.Has(field) ? context.Values.Duration(reader.Scalar(field), allowZero: false) : fallback;

    /// <summary>The model is not used by these drivers: say so rather than ignore it silently.</summary>
    public static void RejectModel(DriverContext context, string driver, string block)
    {
        if (context.Workload.Model is { } model)
        {
            context.Values.Diagnostics.Error(model.Location, model.FieldPath,
                $"the {driver} driver does not use 'model': its load is set in workload.{block}", "remove workload.model");
        }
    }

    /// <summary>A stand-in parent for "required field is missing" errors of a mapping read through a <see cref="FieldReader"/>.</summary>
    public sealed record BlockNode(string FieldPath, Core.Diagnostics.SourceLocation Location) : SpecNode(FieldPath, Location)
    {
        public BlockNode(FieldReader reader) : this(reader.Path, reader.Location)
        {
        }
    }
}

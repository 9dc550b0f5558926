namespace Assay.Storage.Schema;

/// <summary>One forward step of the schema: the SQL that takes a database from version − 1 to this version.</summary>
internal sealed record Migration(int Version, string Description, string Sql);

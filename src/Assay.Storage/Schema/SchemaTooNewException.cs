namespace Assay.Storage.Schema;

/// <summary>
/// The store was written by a newer Assay: its schema version is beyond every migration this code
/// knows, so reading or writing it could corrupt what the newer version keeps.
/// </summary>
public sealed class SchemaTooNewException : Exception
{
    public SchemaTooNewException(string path, int foundVersion, int knownVersion)
        : base($"The run store '{path}' has schema version {foundVersion}, but this Assay knows versions up to {knownVersion}. " +
               "It was written by a newer Assay: run that version, or point Assay at another store file.")
    {
        Path = path;
        FoundVersion = foundVersion;
        KnownVersion = knownVersion;
    }

    public string Path { get; }

    public int FoundVersion { get; }

    public int KnownVersion { get; }
}

using Microsoft.Data.Sqlite;

namespace Assay.Storage.Tests;

/// <summary>Looks into a store file with a plain connection, the way another tool would, and lets go of it at once.</summary>
internal static class RawDatabase
{
    public static async Task<object?> ScalarAsync(string path, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task<long> CountAsync(string path, string sql, CancellationToken cancellationToken) =>
        Convert.ToInt64(await ScalarAsync(path, sql, cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
}

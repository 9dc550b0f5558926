using System.Data.Common;
using System.Net.Sockets;
using System.Text;
using Assay.Core.Plans;
using Assay.Testing;
using Assay.Workloads.Sql;

namespace Assay.Workloads.Tests.DataStores;

/// <summary>
/// The catalog entries of databases and caches: each starts as a run starts it, listens on 127.0.0.1 only,
/// takes the credentials made for it (and refuses others), and stops leaving nothing behind.
/// </summary>
public sealed class CatalogEntryTests
{
    [Theory(Timeout = 120_000)]
    [InlineData("postgresql")]
    [InlineData("mariadb")]
    [InlineData("redis")]
    [InlineData("memcached")]
    public async Task An_entry_starts_answers_on_loopback_only_and_stops_leaving_nothing(string entry)
    {
        var server = await CatalogServer.StartAsync(entry, CancellationToken.None);
        IReadOnlyList<Runtimes.Local.Ledger.LedgerEntry> ledger;
        int port;
        try
        {
            ledger = DataServer.ReadLedger(server.Folder);
            var endpoint = server.Endpoints()[0];
            port = endpoint.Address.Port;
            var listeners = DataServer.Listeners(port);
            Assert.NotEmpty(listeners);
            Assert.All(listeners, address => Assert.StartsWith("0100007F:", address, StringComparison.Ordinal)); // 127.0.0.1
            await AnswersAsync(endpoint);
        }
        finally
        {
            await server.DisposeAsync();
        }
        DataServer.AssertNothingLeft(ledger, port);
        Assert.False(Directory.Exists(server.Folder));
    }

    private static async Task AnswersAsync(TargetEndpoint endpoint)
    {
        switch (endpoint.Address.Scheme)
        {
            case "postgresql" or "mysql":
                Assert.Equal(("assay", "assay"), (endpoint.Connection["user"], endpoint.Connection["database"]));
                Assert.Equal(24, endpoint.Connection["password"].Length);
                var dialect = SqlDialect.For(endpoint.Address);
                await using (var connection = dialect.CreateConnection(endpoint, TimeSpan.FromSeconds(10)))
                {
                    await connection.OpenAsync();
                    Assert.Equal("assay", await ScalarAsync(connection, "SELECT current_user"));
                }
                var wrong = endpoint with { Connection = new Dictionary<string, string>(endpoint.Connection) { ["password"] = "not-the-password" } };
                await using (var refused = dialect.CreateConnection(wrong, TimeSpan.FromSeconds(10)))
                    await Assert.ThrowsAnyAsync<DbException>(() => refused.OpenAsync());
                break;
            case "redis":
                Assert.StartsWith("-NOAUTH", await AskAsync(endpoint, "PING\r\n"), StringComparison.Ordinal);
                Assert.Equal("+OK\r\n+PONG\r\n", await AskAsync(endpoint, $"AUTH {endpoint.Connection["password"]}\r\nPING\r\n", 12));
                break;
            case "memcached":
                Assert.StartsWith("VERSION 1.", await AskAsync(endpoint, "version\r\n"), StringComparison.Ordinal);
                break;
            default:
                throw new InvalidOperationException($"No check for protocol {endpoint.Address.Scheme}.");
        }
    }

    private static async Task<string> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Replace("current_user", connection is MySqlConnector.MySqlConnection ? "SUBSTRING_INDEX(CURRENT_USER(), '@', 1)" : "current_user", StringComparison.Ordinal);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    /// <summary>Sends raw protocol text and reads the answer (at least <paramref name="atLeast"/> characters).</summary>
    private static async Task<string> AskAsync(TargetEndpoint endpoint, string text, int atLeast = 1)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Address.Host, endpoint.Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text));
        var answer = new StringBuilder();
        var buffer = new byte[512];
        do
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0) break;
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        while (answer.Length < atLeast || !answer.ToString().EndsWith("\r\n", StringComparison.Ordinal));
        return answer.ToString();
    }
}

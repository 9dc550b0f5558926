using Assay.Core.Catalog;
using Assay.Core.Plans;
using Assay.Engine.Runtime;
using Assay.Runtimes.Local.Cgroups;
using Assay.Runtimes.Local.Ledger;
using Assay.Testing;

namespace Assay.Runtimes.Local.Tests;

/// <summary>
/// What catalog entries of real servers need from the runtime: init and setup commands, a user to run as,
/// secrets, a short temp folder, connection settings for drivers, and links to components started before.
/// </summary>
public sealed class InstanceFeaturesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assay-features-").FullName;

    public InstanceFeaturesTests() =>
        // A run folder as `assay run` makes one: other users (the one a server runs as) may pass through it.
        File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

    [Fact(Timeout = 60_000)]
    public async Task Init_setup_user_secrets_temp_folder_connection_and_links_work_together()
    {
        var server = Entry("server",
            init: [Shell("id -un > ${dataDir}/whoami; printf %s \"$TOKEN\" > ${dataDir}/token; echo ${tmpDir} > ${dataDir}/tmp", ("TOKEN", "${secret.token}"))],
            setup: [Shell("test -s ${dataDir}/token && touch ${tmpDir}/set-up")],
            connection: new Dictionary<string, string> { ["token"] = "${secret.token}", ["socket"] = "${tmpDir}/server.sock" },
            runAs: "nobody");
        var client = Entry("client",
            init: [Shell("echo ${link.upstream.host}:${link.upstream.port} ${link.upstream.endpoints} > ${dataDir}/upstream")],
            links: ["upstream"]);
        var variant = Variant(
            new ComponentPlan("srv", server, new Dictionary<string, string>(), ResourcePlan.Unlimited, 2, new Dictionary<string, string>()),
            new ComponentPlan("cli", client, new Dictionary<string, string>(), ResourcePlan.Unlimited, 1, new Dictionary<string, string> { ["upstream"] = "srv" }));
        var accounting = AccountingDetector.Detect();
        var runId = $"features-{Guid.NewGuid():N}";
        using var ledger = RunLedger.Open(Path.Combine(_directory, "ledger"), runId, TimeProvider.System);
        using var runtime = new LocalRuntime(new LocalRuntimeOptions(RepoPaths.Root, TimeSpan.FromSeconds(1)), accounting, ledger, TimeProvider.System);

        string tmp;
        await using (var deployment = await runtime.DeployAsync(new DeploymentRequest(runId, 1, variant, PlacementPlan.Unpinned, _directory), null, CancellationToken.None))
        {
            var srv = deployment.Instances.Where(i => i.Component == "srv").OrderBy(i => i.Replica).ToList();
            var data = Path.Combine(_directory, "srv-0", "data");
            Assert.Equal("nobody", File.ReadAllText(Path.Combine(data, "whoami")).Trim());
            var token = srv[0].Connection["token"];
            Assert.Equal(24, token.Length);
            Assert.Equal(token, File.ReadAllText(Path.Combine(data, "token")));
            Assert.NotEqual(token, srv[1].Connection["token"]); // a secret per instance
            tmp = File.ReadAllText(Path.Combine(data, "tmp")).Trim();
            Assert.StartsWith(Path.GetTempPath(), tmp, StringComparison.Ordinal);
            Assert.True(tmp.Length < 40, "short enough for Unix socket paths");
            Assert.True(File.Exists(Path.Combine(tmp, "set-up")), "the setup command ran after readiness");
            Assert.Equal(Path.Combine(tmp, "server.sock"), srv[0].Connection["socket"]);
            Assert.Equal(
                $"127.0.0.1:{srv[0].Ports["tcp"]} 127.0.0.1:{srv[0].Ports["tcp"]},127.0.0.1:{srv[1].Ports["tcp"]}",
                File.ReadAllText(Path.Combine(_directory, "cli-0", "data", "upstream")).Trim());
            Assert.All(deployment.Usage.Collect(), u => Assert.True(u.StartupSeconds > 0));
        }
        Assert.False(Directory.Exists(tmp), "the temp folder goes with the instance");
        Assert.False(Directory.Exists(Path.Combine(_directory, "srv-0", "data")));
        Assert.True(File.Exists(Path.Combine(_directory, "srv-0", "init-1.log")), "init output is kept");
        // Only the run's own parent groups are left; they go when the runtime does.
        Assert.All(ledger.Entries, e => Assert.Contains(e.Path, accounting.RunDirectories(runId)));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_server_running_as_another_user_keeps_its_data_in_the_temp_folder_when_the_run_folder_is_closed_to_it()
    {
        var closed = Directory.CreateDirectory(Path.Combine(_directory, "closed")).FullName;
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var server = Entry("server", init: [Shell("id -un > ${dataDir}/whoami; echo ${dataDir} > ${tmpDir}/where")], runAs: "nobody");
        var variant = Variant(new ComponentPlan("srv", server, new Dictionary<string, string>(), ResourcePlan.Unlimited, 1, new Dictionary<string, string>()));
        var runId = $"features-{Guid.NewGuid():N}";
        using var ledger = RunLedger.Open(Path.Combine(_directory, "ledger"), runId, TimeProvider.System);
        using var runtime = new LocalRuntime(new LocalRuntimeOptions(RepoPaths.Root, TimeSpan.FromSeconds(1)), AccountingDetector.Detect(), ledger, TimeProvider.System);

        await using var deployment = await runtime.DeployAsync(new DeploymentRequest(runId, 1, variant, PlacementPlan.Unpinned, closed), null, CancellationToken.None);

        var temp = Assert.Single(Directory.GetDirectories(Path.GetTempPath(), "assay-*"), d => File.Exists(Path.Combine(d, "where")));
        Assert.Equal(Path.Combine(temp, "data"), File.ReadAllText(Path.Combine(temp, "where")).Trim());
        Assert.Equal("nobody", File.ReadAllText(Path.Combine(temp, "data", "whoami")).Trim());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_failing_init_command_fails_the_deployment_with_its_output_and_removes_what_it_made()
    {
        var broken = Entry("broken", init: [Shell("echo 'cannot initialise: disk on fire' >&2; exit 4")]);
        var variant = Variant(new ComponentPlan("db", broken, new Dictionary<string, string>(), ResourcePlan.Unlimited, 1, new Dictionary<string, string>()));
        var runId = $"features-{Guid.NewGuid():N}";
        using var ledger = RunLedger.Open(Path.Combine(_directory, "ledger"), runId, TimeProvider.System);
        using var runtime = new LocalRuntime(new LocalRuntimeOptions(RepoPaths.Root, TimeSpan.FromSeconds(1)), AccountingDetector.Detect(), ledger, TimeProvider.System);

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() =>
            runtime.DeployAsync(new DeploymentRequest(runId, 1, variant, PlacementPlan.Unpinned, _directory), null, CancellationToken.None));

        Assert.Equal("db", failure.Component);
        Assert.Contains("init command '/bin/sh' of 'db' exited with code 4", failure.Message, StringComparison.Ordinal);
        Assert.Contains("disk on fire", failure.LogTail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory, "db-0", "data")));
        Assert.DoesNotContain(ledger.Entries, e => e.Kind == LedgerEntryKind.Directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CommandTemplate Shell(string script, params (string Name, string Value)[] environment) =>
        new("/bin/sh", ["-c", script], environment.ToDictionary(e => e.Name, e => e.Value), TimeSpan.FromSeconds(20));

    /// <summary>The burner test program as a TCP server: it listens on PORT and does nothing else.</summary>
    private static CatalogEntry Entry(
        string name, IReadOnlyList<CommandTemplate>? init = null, IReadOnlyList<CommandTemplate>? setup = null,
        IReadOnlyDictionary<string, string>? connection = null, string? runAs = null, IReadOnlyList<string>? links = null) =>
        new(name, "test entry", "tcp",
            new BinaryRequirement("${root}/artifacts/test-apps/burner/burner", [], null, "tests/Assay.Testing.Burner", []),
            ["tcp"],
            new LaunchTemplate([], new Dictionary<string, string> { ["PORT"] = "${port.tcp}" }, [], runAs),
            init ?? [], setup ?? [],
            new ReadinessProbe(ProbeKind.Tcp, "tcp", null, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20)),
            null, StopPolicy.Default, new Dictionary<string, string>(), connection ?? new Dictionary<string, string>(), links ?? [], name + ".yaml");

    private static VariantPlan Variant(params ComponentPlan[] components) => new(
        "features", components,
        new HttpWorkloadPlan(new TargetPlan(null, null, new Uri("http://127.0.0.1:9")), [], new ClosedModel(1, TimeSpan.Zero, TimeSpan.Zero), TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
        [], new Dictionary<string, string>());
}

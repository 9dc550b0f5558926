using Assay.Runtimes.Local.Processes;

namespace Assay.Runtimes.Local.Tests;

public sealed class ProcStatTests
{
    [Fact]
    public void Parses_a_command_with_spaces_and_parentheses()
    {
        var line = "4242 (my (odd) app) S 1 4242 4242 0 -1 4194560 300 0 0 0 150 25 0 0 20 0 3 0 987654 123456789 2048 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0";

        var stat = ProcStat.Parse(line)!;

        Assert.Equal(4242, stat.Pid);
        Assert.Equal("my (odd) app", stat.Command);
        Assert.Equal('S', stat.State);
        Assert.Equal(1, stat.ParentPid);
        Assert.Equal(4242, stat.Session);
        Assert.Equal(1.75, stat.CpuSeconds, 3);
        Assert.Equal(987654, stat.StartTicks);
        Assert.Equal(2048, stat.ResidentPages);
    }

    [Fact]
    public void The_current_process_is_alive_and_a_wrong_start_time_is_not()
    {
        var self = ProcessIdentity.Current();

        Assert.True(self.IsAlive());
        Assert.False((self with { StartTicks = self.StartTicks + 1 }).IsAlive());
    }
}

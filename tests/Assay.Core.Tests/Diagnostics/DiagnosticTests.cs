using Assay.Core.Diagnostics;

namespace Assay.Core.Tests.Diagnostics;

public class DiagnosticTests
{
    [Fact]
    public void An_error_reads_like_a_compiler_message_with_location_field_and_hint()
    {
        var diagnostic = Diagnostic.Error(
            new SourceLocation("experiments/x/experiment.yaml", 12, 7),
            "spec.workload.model.connections",
            "must be at least 1",
            "write a positive whole number, e.g. 10");
        Assert.Equal(
            "experiments/x/experiment.yaml:12:7: error: spec.workload.model.connections: must be at least 1 (write a positive whole number, e.g. 10)",
            diagnostic.ToString());
        Assert.True(diagnostic.IsError);
    }

    [Fact]
    public void A_warning_without_location_field_or_hint_is_just_severity_and_message()
    {
        var diagnostic = Diagnostic.Warning(null, "", "CPU frequency scaling is on");
        Assert.Equal("warning: CPU frequency scaling is on", diagnostic.ToString());
        Assert.False(diagnostic.IsError);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void A_command_line_error_has_a_field_but_no_location() =>
        Assert.Equal(
            "error: --param: unknown parameter 'usres' (did you mean 'users'?)",
            Diagnostic.Error(null, "--param", "unknown parameter 'usres'", "did you mean 'users'?").ToString());

    [Fact]
    public void A_source_location_prints_file_line_and_column() =>
        Assert.Equal("catalog/nginx.yaml:3:14", new SourceLocation("catalog/nginx.yaml", 3, 14).ToString());
}

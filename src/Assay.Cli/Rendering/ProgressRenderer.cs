using Assay.Core.Measurements;
using Assay.Core.Results;
using Assay.Engine.Events;
using Assay.Reporting.Text;
using Spectre.Console;

namespace Assay.Cli.Rendering;

/// <summary>
/// Turns the engine's events into progress lines: phase and elapsed time, each instance as it becomes
/// ready, live requests/s and errors during the workload (every second on a terminal, every five
/// seconds otherwise, so CI logs stay short), and each trial's headline when it ends. A capacity search shows
/// one line per step (rate, SLI against the objective, passed or failed) instead of its steps' inner progress.
/// </summary>
internal sealed class ProgressRenderer(IAnsiConsole console, TimeProvider time) : IProgress<RunEvent>
{
    private readonly long _started = time.GetTimestamp();
    private readonly Lock _gate = new();
    private readonly TimeSpan _tickEvery = console.Profile.Capabilities.Interactive ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(5);
    private WorkloadStage? _stage;
    private double _lastTickAt = double.NegativeInfinity;
    private bool _inCapacityStep;

    public void Report(RunEvent value)
    {
        lock (_gate) Render(value);
    }

    private void Render(RunEvent value)
    {
        switch (value)
        {
            case TrialStarted or PhaseChanged { Trial: null }:
                _inCapacityStep = false;
                break;
            case CapacityStepStarted:
                _inCapacityStep = true;
                break;
        }
        switch (value)
        {
            // A step is a few seconds of fresh deployment and load; its own progress would drown the search's lines.
            case PhaseChanged { Trial: not null } or InstanceReady or WorkloadTick when _inCapacityStep:
                break;
            case CapacityStepStarted { Step: 1 } c:
                Line($"[bold]capacity · {Markup.Escape(c.Variant)}[/] (SLO {Markup.Escape(c.Slo)})");
                break;
            case CapacityStepEnded c:
                _stage = null;
                Line(CapacityStepLine(c));
                break;
            case TrialStarted t:
                _stage = null;
                Line($"[bold]trial {t.Trial} · {Markup.Escape(t.Variant)}[/] ({t.Index} of {t.Total})");
                break;
            case PhaseChanged { Trial: null } p when p.Phase == RunPhase.Analyzing:
                Line("analysing");
                break;
            case PhaseChanged { Trial: not null } p when p.Phase is RunPhase.Provisioning or RunPhase.Running or RunPhase.Collecting:
                Line($"  {p.Phase.ToString().ToLowerInvariant()}");
                break;
            case InstanceReady r:
                var ports = string.Join(", ", r.Ports.Select(kv => $"{kv.Key} :{kv.Value}"));
                Line($"  [green]✓[/] {Markup.Escape(r.Component)}-{r.Replica} ready in {Formats.Seconds(r.StartupTime.TotalSeconds)} s ({Markup.Escape(ports)})");
                break;
            case WorkloadTick w:
                Tick(w.Progress);
                break;
            case TrialEnded e:
                Line($"  trial {e.Summary.Trial} {ResultRenderer.Status(e.Summary.Status)}{Headline(e.Summary)}");
                break;
            case RunNotice n:
                Line(n.IsWarning ? $"[yellow]warning:[/] {Markup.Escape(n.Message)}" : Markup.Escape(n.Message));
                break;
        }
    }

    private void Tick(WorkloadProgress p)
    {
        if (p.Stage != _stage)
        {
            // A stage change carries no rate yet: say what starts, and report figures on the next ticks.
            _stage = p.Stage;
            _lastTickAt = p.ElapsedSeconds;
            Line(p.Stage switch
            {
                WorkloadStage.WarmingUp => "  warming up (not measured)",
                WorkloadStage.Measuring => "  measuring",
                _ => "  window closed",
            });
            return;
        }
        if (p.Stage == WorkloadStage.Done || p.ElapsedSeconds - _lastTickAt < _tickEvery.TotalSeconds - 0.05) return;
        _lastTickAt = p.ElapsedSeconds;
        var errors = p.FailedPerSecond > 0 ? $"[red]{Formats.Rate(p.FailedPerSecond, " err/s")}[/]" : "0 err/s";
        var stage = p.Stage == WorkloadStage.WarmingUp ? "warm-up" : "measured";
        Line($"    {Formats.Rate(p.SucceededPerSecond)} · {errors} · {stage} so far: {Formats.Count(p.Succeeded)} ok, {Formats.Count(p.Failed)} failed");
    }

    private static string CapacityStepLine(CapacityStepEnded e)
    {
        var step = e.Result;
        var sli = step.Sli is { } value ? Formats.Number(value) + "%" : "n/a";
        var p99 = step.LatencyP99Ms is { } ms ? $" · p99 {Formats.Latency(ms)}" : "";
        var verdict = step.Passed ? "[green]passed[/]" : "[red]failed[/]";
        var note = step.Note is null ? "" : $": {Markup.Escape(step.Note)}";
        return $"  step {e.Step} · {Formats.Rate(step.Rate)} · SLI {sli} vs {Formats.Number(e.Objective)}%{p99} · {verdict}{note}";
    }

    private static string Headline(TrialSummary summary) => summary.Workload is not { } w
        ? summary.Error is null ? "" : $": {Markup.Escape(summary.Error)}"
        : $": {Formats.Rate(w.Throughput)}, p99 {Formats.Latency(w.LatencyMs.P99)}, {Formats.Count(w.Errors)} errors";

    private void Line(string markup)
    {
        var elapsed = time.GetElapsedTime(_started);
        console.MarkupLine($"[grey]{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00}[/] {markup}");
    }
}

using System.Globalization;
using System.Text;

namespace Fabrik.Executions.Benchmarks;

/// <summary>docs/benchmarks.md: the machine, the command, every figure with its spread, each target met or missed and why.</summary>
internal static class BenchmarkReport
{
    /// <summary>The phase whose CPU profile explains a section's misses.</summary>
    private static readonly Dictionary<string, string> PhaseOf = new()
    {
        [Sections.Ingest] = "ingest", [Sections.Latency] = "latency", [Sections.Scaling] = "scaling",
        [Sections.FanOut] = "fan-out", [Sections.Replay] = "replay", [Sections.Cost] = "latency",
    };

    public static string Write(
        BenchmarkOptions options, IReadOnlyList<(string What, string Value)> machine, DateTimeOffset started, TimeSpan took, FigureBook book)
    {
        var report = new StringBuilder();
        Line(report, "# Benchmarks");
        Line(report);
        Line(report, $"Measured {started:yyyy-MM-dd HH:mm} UTC in {took.TotalMinutes:0.0} min with `{options.CommandLine}` ({options.Runs} run{(options.Runs > 1 ? "s" : "")}, each on a fresh stack: the emulator and every service a separate Release process on the local PostgreSQL, RabbitMQ and Redis). Each figure is the median over the runs with the lowest and highest run beside it; a target is judged on the median.");
        if (options.Quick)
        {
            Line(report);
            Line(report, "**Quick mode**: tiny sizes that only prove every measurement still runs end to end. These figures say nothing about performance.");
        }

        Line(report);
        Line(report, "## Machine");
        Line(report);
        Line(report, "| | |");
        Line(report, "|---|---|");
        foreach (var (what, value) in machine)
        {
            Line(report, $"| {what} | {value} |");
        }

        Line(report);
        Line(report, "## Sizes");
        Line(report);
        WriteSizes(report, options.Sizes);
        Line(report);
        Line(report, "## Targets");
        Line(report);
        Line(report, "| section | figure | median | target | |");
        Line(report, "|---|---|---:|---:|---|");
        foreach (var figure in book.Figures.Where(f => f.Target is not null))
        {
            Line(report, $"| {figure.Section} | {figure.Name} | {Number(figure.Median)} {figure.Unit} | {figure.Target} | {(figure.Met == true ? "met" : "**missed**")} |");
        }

        foreach (var section in Sections.Measured.Append(Sections.Profile))
        {
            Line(report);
            Line(report, $"## {section}");
            Line(report);
            foreach (var note in book.NotesOf(section))
            {
                Line(report, note);
                Line(report);
            }

            WriteFigures(report, book.Figures.Where(f => f.Section == section).ToList());
        }

        Line(report);
        Line(report, "## Misses and why");
        Line(report);
        WriteMisses(report, book);
        return report.ToString();
    }

    private static void WriteSizes(StringBuilder report, BenchmarkSizes sizes)
    {
        Line(report, "| measurement | issue 9 asks | this run |");
        Line(report, "|---|---|---|");
        Line(report, $"| ingest and replay | one job of 100,000 events | {sizes.IngestEvents:N0} events |");
        Line(report, $"| latency | 1, 100, 500 concurrent executions | {string.Join(", ", sizes.LatencyLevels)} concurrent, {sizes.LatencyEventsPerSecond:N0} events/s together, {sizes.LatencySeconds} s |");
        Line(report, $"| scaling | 1,000 executions, 1/2/3 pollers | {sizes.ScalingExecutions:N0} executions, windows of {sizes.ScalingWindowSeconds} s |");
        Line(report, $"| fan-out | 1,000 connections, two Gateways, 2,000 events/s | {sizes.FanOutConnections:N0} connections over two Gateways, {sizes.FanOutExecutions} executions, {sizes.FanOutEventsPerSecond:N0} events/s for {sizes.FanOutSeconds} s |");
        Line(report, $"| idle cost | running executions that print nothing | {sizes.IdleExecutions} executions over {sizes.IdleWindowSeconds} s |");
    }

    private static void WriteFigures(StringBuilder report, IReadOnlyList<Figure> figures)
    {
        Line(report, "| figure | median | spread (min – max) | runs | target |");
        Line(report, "|---|---:|---:|---:|---|");
        foreach (var figure in figures)
        {
            var target = figure.Target is null ? "" : $"{figure.Target} ({(figure.Met == true ? "met" : "**missed**")})";
            Line(report, $"| {figure.Name} | {Number(figure.Median)} {figure.Unit} | {Number(figure.Samples.Min())} – {Number(figure.Samples.Max())} | {figure.Samples.Count} | {target} |");
        }
    }

    private static void WriteMisses(StringBuilder report, FigureBook book)
    {
        var missed = book.Figures.Where(f => f.Met == false).ToList();
        if (missed.Count == 0)
        {
            Line(report, "Every target was met.");
            return;
        }

        foreach (var section in missed.GroupBy(f => f.Section))
        {
            var phase = PhaseOf[section.Key];
            var busiest = book.Figures
                .Where(f => f.Section == Sections.Profile && f.Name.StartsWith(phase + ": ", StringComparison.Ordinal))
                .Select(f => (Part: f.Name[(phase.Length + 2)..], Percent: f.Median))
                .ToList();
            Line(report, $"- {section.Key}: {string.Join("; ", section.Select(f => $"{f.Name} {Number(f.Median)} {f.Unit} against {f.Target}"))}.");
            Line(report, $"  CPU during the {phase} phase (median, % of one core): {string.Join(", ", busiest.Select(b => $"{b.Part} {b.Percent:0}"))}.");
        }
    }

    private static string Number(double value) =>
        double.IsNaN(value) ? "n/a"
        : Math.Abs(value) >= 100 ? value.ToString("#,0", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder report, string text = "") => report.Append(text).Append('\n');
}

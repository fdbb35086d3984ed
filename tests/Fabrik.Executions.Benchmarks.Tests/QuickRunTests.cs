using System.Text.RegularExpressions;

namespace Fabrik.Executions.Benchmarks.Tests;

/// <summary>
/// The benchmark harness's quick mode, so that it never rots: every measurement runs end to end on tiny sizes and the
/// report holds every section with numbers. The figures themselves are not judged here; that is the full run's job.
/// </summary>
public sealed partial class QuickRunTests
{
    [Test]
    public async Task A_quick_run_reports_every_measurement_with_numbers()
    {
        var output = Path.Combine(Path.GetTempPath(), $"benchmarks-{Guid.NewGuid():N}.md");
        try
        {
            var options = BenchmarkOptions.Parse(["--quick", "--output", output]);
            await BenchmarkHarness.RunAsync(options, TestContext.Progress);
            var report = await File.ReadAllTextAsync(output);

            Assert.That(report, Does.Contain("## Machine"));
            Assert.That(report, Does.Contain("`dotnet run -c Release --project tests/Fabrik.Executions.Benchmarks -- --quick --output"));
            foreach (var section in Sections.Measured.Append(Sections.Profile))
            {
                var body = SectionBody(report, section);
                Assert.That(FigureRow().Matches(body), Is.Not.Empty, $"section '{section}' has no figure with a number:{Environment.NewLine}{body}");
            }

            Assert.That(report, Does.Not.Contain("| n/a"), "every figure was measured");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [TestCase("--runs", "0")]
    [TestCase("--runs", "many")]
    [TestCase("--speed", "fast")]
    [TestCase("--phases", "ingest,warp")]
    [TestCase("--phases", ",")]
    [TestCase("--phases", "replay")]
    public void Bad_arguments_are_refused_with_what_is_wrong(string name, string value) =>
        Assert.That(() => BenchmarkOptions.Parse([name, value]), Throws.ArgumentException.With.Message.Contains(name));

    [Test]
    public void Chosen_phases_run_in_the_harness_order_and_all_run_by_default()
    {
        Assert.That(BenchmarkOptions.Parse(["--phases", "scaling, raw-limits,ingest"]).Phases,
            Is.EqualTo(new[] { BenchmarkPhases.Ingest, BenchmarkPhases.RawLimits, BenchmarkPhases.Scaling }));
        Assert.That(BenchmarkOptions.Parse([]).Phases, Is.EqualTo(BenchmarkPhases.All));
    }

    private static string SectionBody(string report, string section)
    {
        var start = report.IndexOf($"## {section}\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"the report has a section '{section}'");
        var end = report.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return end < 0 ? report[start..] : report[start..end];
    }

    /// <summary>A table row whose median column holds a number.</summary>
    [GeneratedRegex(@"^\| [^|]+ \| -?[0-9][0-9,]*(\.[0-9]+)? ", RegexOptions.Multiline)]
    private static partial Regex FigureRow();
}

using System.Globalization;

namespace Fabrik.Executions.Benchmarks;

/// <summary>The harness's command line: <c>[--quick] [--runs N] [--phases LIST] [--output FILE]</c>.</summary>
public sealed record BenchmarkOptions(bool Quick, int Runs, IReadOnlyList<string> Phases, string Output, string CommandLine)
{
    public static readonly string Usage =
        $"usage: Fabrik.Executions.Benchmarks [--quick] [--runs N (1..20)] [--phases {string.Join(',', BenchmarkPhases.All)} (default all)] [--output FILE (default docs/benchmarks.md)]";

    public BenchmarkSizes Sizes => Quick ? BenchmarkSizes.QuickSizes : BenchmarkSizes.Full;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var quick = false;
        int? runs = null;
        string? output = null;
        IReadOnlyList<string>? phases = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--runs":
                    var text = ValueOf(args, ref i);
                    runs = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= 20
                        ? parsed
                        : throw new ArgumentException($"--runs must be a whole number from 1 to 20, not '{text}'.");
                    break;
                case "--phases":
                    phases = BenchmarkPhases.Parse(ValueOf(args, ref i));
                    break;
                case "--output":
                    output = ValueOf(args, ref i);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        return new BenchmarkOptions(
            quick,
            runs ?? (quick ? 1 : 3),
            phases ?? BenchmarkPhases.All,
            Path.GetFullPath(output ?? Path.Combine(RepositoryRoot(), "docs", "benchmarks.md")),
            "dotnet run -c Release --project tests/Fabrik.Executions.Benchmarks --" + string.Concat(args.Select(a => " " + a)));
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count && !args[i].StartsWith("--", StringComparison.Ordinal)
            ? args[i]
            : throw new ArgumentException($"{args[i - 1]} needs a value.");

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Fabrik.Executions.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new ArgumentException("No repository root (with Fabrik.Executions.sln) above the current folder: give --output.");
    }
}

namespace Fabrik.Executions.Benchmarks;

/// <summary>One measured quantity, with a sample from each run.</summary>
public sealed record Figure(string Section, string Name, string Unit, Target? Target)
{
    public List<double> Samples { get; } = [];

    /// <summary>
    /// The middle run, or the mean of the middle two: a nearest-rank median of two runs would be the lower one, the
    /// better run for a latency and the worse for a rate, and would judge a target on it.
    /// </summary>
    public double Median
    {
        get
        {
            if (Samples.Count == 0)
            {
                return double.NaN;
            }

            var sorted = Samples.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public bool? Met => Target?.IsMetBy(Median);
}

namespace Fabrik.Executions.Benchmarks;

/// <summary>One measured quantity, with a sample from each run.</summary>
public sealed record Figure(string Section, string Name, string Unit, Target? Target)
{
    public List<double> Samples { get; } = [];

    public double Median => Percentiles.Of(Samples, 50);

    public bool? Met => Target?.IsMetBy(Median);
}

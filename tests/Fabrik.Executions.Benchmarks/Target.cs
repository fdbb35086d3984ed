using System.Globalization;

namespace Fabrik.Executions.Benchmarks;

/// <summary>A goal of issue 9 for one figure, judged on the median over the runs.</summary>
public sealed record Target(bool AtLeast, double Limit)
{
    public static Target Minimum(double limit) => new(true, limit);

    public static Target Maximum(double limit) => new(false, limit);

    public bool IsMetBy(double value) => AtLeast ? value >= Limit : value <= Limit;

    public override string ToString() => (AtLeast ? "≥ " : "≤ ") + Limit.ToString("#,0.##", CultureInfo.InvariantCulture);
}

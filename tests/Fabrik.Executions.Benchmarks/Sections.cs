namespace Fabrik.Executions.Benchmarks;

/// <summary>The report's sections, in the order of issue 9.</summary>
public static class Sections
{
    public const string Ingest = "1. Ingest throughput";
    public const string Latency = "2. End-to-end latency";
    public const string Scaling = "3. Scaling";
    public const string FanOut = "4. Fan-out";
    public const string Replay = "5. Replay";
    public const string Cost = "6. Cost";
    public const string Profile = "Where the time goes";

    public static readonly string[] Measured = [Ingest, Latency, Scaling, FanOut, Replay, Cost];
}

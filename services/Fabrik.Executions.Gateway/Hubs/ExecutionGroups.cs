namespace Fabrik.Executions.Gateway.Hubs;

/// <summary>The hub's groups: one per watched execution, and the monitor of all executions.</summary>
public static class ExecutionGroups
{
    public const string Monitor = "monitor";

    public static string Output(Guid executionId) => $"execution:{executionId:D}";

    /// <summary>For what the live list shows as well as the execution's own page: status, progress, the end, results.</summary>
    public static IReadOnlyList<string> OutputAndMonitor(Guid executionId) => [Output(executionId), Monitor];
}

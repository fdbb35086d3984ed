namespace Fabrik.Executions.Gateway.Hubs;

/// <summary>The hub's groups: one per watched execution, and the monitor of all executions.</summary>
public static class ExecutionGroups
{
    public const string Monitor = "monitor";

    private const string OutputPrefix = "execution:";

    public static string Output(Guid executionId) => $"{OutputPrefix}{executionId:D}";

    /// <summary>The execution an output group is for; null for the monitor.</summary>
    public static Guid? ExecutionOf(string group) =>
        group.StartsWith(OutputPrefix, StringComparison.Ordinal) && Guid.TryParse(group.AsSpan(OutputPrefix.Length), out var executionId)
            ? executionId
            : null;

    /// <summary>For what the live list shows as well as the execution's own page: status, progress, the end, results.</summary>
    public static IReadOnlyList<string> OutputAndMonitor(Guid executionId) => [Output(executionId), Monitor];
}

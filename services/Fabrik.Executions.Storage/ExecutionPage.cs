namespace Fabrik.Executions.Storage;

/// <summary>One page of executions and how many match in all.</summary>
public sealed record ExecutionPage(IReadOnlyList<ExecutionRecord> Items, long TotalItems);

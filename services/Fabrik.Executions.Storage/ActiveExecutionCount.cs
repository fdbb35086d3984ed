namespace Fabrik.Executions.Storage;

/// <summary>How many executions are in one non-terminal status, and how long the oldest of them has existed.</summary>
public sealed record ActiveExecutionCount(string Status, long Count, double OldestAgeSeconds);

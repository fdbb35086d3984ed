using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>What one copy pass stored for the first time, and whether AWX had more than a pass may take.</summary>
public readonly record struct CopyOutcome(IReadOnlyList<JobEventReceived> Inserted, bool MorePending);

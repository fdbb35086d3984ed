namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>What one poll cycle did: events stored, whether AWX had more than a cycle takes, whether the execution finished.</summary>
public readonly record struct CycleOutcome(int NewEvents, bool MorePending, bool Finished);

namespace Fabrik.Executions.AwxEmulator.Events;

/// <summary>
/// The events of a job a poller can see now, in the order the job emitted them, and whether that order is also counter
/// order (then counter filters are a binary search, not a scan).
/// </summary>
internal readonly record struct VisibleEvents(ArraySegment<StoredJobEvent> Events, bool InCounterOrder);

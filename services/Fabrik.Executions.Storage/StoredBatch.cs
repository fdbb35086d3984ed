using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Storage;

/// <summary>
/// The outcome of storing one batch: the events that were new (only those need publishing), and the stream's
/// watermark and highest stored counter after it.
/// </summary>
public sealed record StoredBatch(IReadOnlyList<JobEventReceived> Inserted, long Watermark, long MaxCounter);

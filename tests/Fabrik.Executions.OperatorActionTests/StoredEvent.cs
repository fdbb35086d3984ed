using Fabrik.Executions.IntegrationTests;

namespace Fabrik.Executions.OperatorActionTests;

/// <summary>An event as the database holds it, with what is compared against what AWX emitted.</summary>
internal sealed record StoredEvent(long Counter, string Event, string Uuid, string ParentUuid, string? Host)
{
    public static Task<IReadOnlyList<StoredEvent>> ReadAsync(Pipeline pipeline, Guid executionId) =>
        pipeline.QueryAsync<StoredEvent>(
            "select counter, event, uuid, parent_uuid as ParentUuid, host from job_events where execution_id = @executionId order by counter",
            new { executionId });
}

namespace Fabrik.Executions.Storage;

/// <summary>An <see cref="ExecutionFilter"/> as conditions over <c>executions e</c>.</summary>
internal static class ExecutionFilterSql
{
    public static SqlConditions From(ExecutionFilter filter) =>
        new SqlConditions()
            .AddIf("e.status = any(@statuses)", "statuses", filter.Statuses is { Count: > 0 } statuses ? DatabaseText.From(statuses) : null)
            .AddIf("e.template_id = @templateId", "templateId", filter.TemplateId)
            .AddIf("e.launched_by = @launchedBy", "launchedBy", filter.LaunchedBy)
            .AddIf("e.relaunch_of = @relaunchOf", "relaunchOf", filter.RelaunchOf)
            .AddIf("e.created_at >= @createdAfter", "createdAfter", filter.CreatedAfter?.UtcDateTime)
            .AddIf("e.created_at < @createdBefore", "createdBefore", filter.CreatedBefore?.UtcDateTime)
            .AddOutputContainsIf(
                $"exists (select 1 from job_events j where j.execution_id = e.id and {OutputPattern.Matches("j")})",
                filter.OutputContains);
}

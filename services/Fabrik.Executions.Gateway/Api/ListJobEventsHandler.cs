using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>
/// <c>GET /api/v1/executions/{id}/events</c>: the cursor the hub replays with, for scripts and services that tail
/// without SignalR. Keyset on the primary key (execution, job, counter), so a page costs the same at any depth.
/// </summary>
public sealed class ListJobEventsHandler(ExecutionRepository executions, JobEventStore events)
{
    public async Task<IResult> HandleAsync(string id, IQueryCollection query, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var executionId = ExecutionIdParameter.Parse(id, errors);
        var page = JobEventsQuery.Parse(query, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var execution = await executions.FindAsync(executionId, cancellationToken);
        if (execution is null)
        {
            return ApiProblems.ExecutionNotFound(executionId);
        }

        var jobId = page.Job ?? execution.AwxJobId;
        if (jobId is null)
        {
            return TypedResults.Ok(new JobEventPage
            {
                Data = [],
                Cursor = new JobEventCursor { After = page.After, NextAfter = page.After, HasMore = false },
            });
        }

        // One row beyond the page tells whether there is more without counting.
        var stored = await events.ReadAfterAsync(executionId, jobId.Value, page.After, page.Limit + 1, cancellationToken);
        var hasMore = stored.Count > page.Limit;
        var data = hasMore ? stored.Take(page.Limit).ToList() : stored;
        return TypedResults.Ok(new JobEventPage
        {
            Data = data,
            Cursor = new JobEventCursor
            {
                After = page.After,
                NextAfter = data.Count > 0 ? data[^1].Counter : page.After,
                HasMore = hasMore,
                Job = jobId,
            },
        });
    }
}

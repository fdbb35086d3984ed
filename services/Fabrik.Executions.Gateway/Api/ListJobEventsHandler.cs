using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>
/// <c>GET /api/v1/executions/{id}/events</c>: the cursor the hub replays with, for scripts and services that tail
/// without SignalR, optionally filtered. Keyset on the primary key (execution, job, counter), so a page costs the
/// same at any depth.
/// </summary>
public sealed class ListJobEventsHandler(ExecutionRequests requests, JobEventQueries events, JobStreamQueries jobs)
{
    public Task<IResult> HandleAsync(string id, IQueryCollection query, CancellationToken cancellationToken) =>
        requests.HandleAsync(id, query, JobEventsQuery.Accepted, JobEventsQuery.Read,
            (execution, page) => AnswerAsync(execution, page, cancellationToken),
            cancellationToken);

    private async Task<IResult> AnswerAsync(ExecutionRecord execution, JobEventsQuery page, CancellationToken cancellationToken)
    {
        if (page.Job is { } job && job != execution.AwxJobId && !await jobs.HasJobAsync(execution.Id, job, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                detail: $"Execution {execution.Id} has no AWX job {job}: job must be the execution's own job or one a node of its workflow ran.");
        }

        return TypedResults.Ok(await ReadPageAsync(execution, page, cancellationToken));
    }

    private async Task<JobEventPage> ReadPageAsync(ExecutionRecord execution, JobEventsQuery page, CancellationToken cancellationToken)
    {
        var jobId = page.Job ?? execution.AwxJobId;
        if (jobId is null)
        {
            return new JobEventPage
            {
                Data = [],
                Cursor = new JobEventCursor { After = page.After, NextAfter = page.After, HasMore = false },
            };
        }

        // One row beyond the page tells whether there is more without counting.
        var stored = await events.ReadAfterAsync(execution.Id, jobId.Value, page.After, page.Limit + 1, page.Filter, cancellationToken);
        var hasMore = stored.Count > page.Limit;
        var data = hasMore ? stored.Take(page.Limit).ToList() : stored;
        return new JobEventPage
        {
            Data = data,
            Cursor = new JobEventCursor
            {
                After = page.After,
                NextAfter = data.Count > 0 ? data[^1].Counter : page.After,
                HasMore = hasMore,
                Job = jobId,
            },
        };
    }
}

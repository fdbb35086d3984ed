using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>An execution's output: events by cursor, the whole stdout, per-host results, and search.</summary>
public static class ExecutionOutputEndpoints
{
    public static RouteGroupBuilder MapExecutionOutputEndpoints(this RouteGroupBuilder executions)
    {
        executions.MapExecutionRead<ListJobEventsHandler>("{id}/events", JobEventsQuery.Accepted, (handler, id, query, token) => handler.HandleAsync(id, query, token))
            .WithName("ListJobEvents")
            .WithSummary("Stored AWX job events after a counter, in counter order, optionally filtered: the hub's cursor.")
            .Produces<JobEventPage>();

        executions.MapExecutionRead<DownloadStdoutHandler>("{id}/stdout", DownloadStdoutHandler.Accepted, (handler, id, query, token) => handler.HandleAsync(id, query, token))
            .WithName("DownloadStdout")
            .WithSummary("The execution's whole output stored so far, streamed, of any size.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain", "application/x-ndjson");

        executions.MapExecutionRead<HostResultsHandler>("{id}/hosts", HostResultsHandler.Accepted, (handler, id, query, token) => handler.HandleAsync(id, query, token))
            .WithName("GetHostResults")
            .WithSummary("Per-host results: parsed once the job ended, counted from the stored events until then.")
            .Produces<ItemResponse<HostResultsResource>>();

        executions.MapExecutionRead<SearchOutputHandler>("{id}/search", SearchOutputHandler.Accepted, (handler, id, query, token) => handler.HandleAsync(id, query, token))
            .WithName("SearchOutput")
            .WithSummary("The lines of the execution's output (colours removed) that contain a phrase, with their event.")
            .Produces<PageResponse<OutputLineHit>>();

        return executions;
    }
}

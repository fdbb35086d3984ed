using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>
/// <c>GET /api/v1/executions/{id}/hosts</c>: the parsed per-host results once the job ended, and until then what each
/// host has done so far, counted from the stored events.
/// </summary>
public sealed class HostResultsHandler(ExecutionRequests requests, ExecutionResultsRepository results, HostResultsFromEvents live)
{
    public const string LiveSource = "job_events";

    public static readonly AcceptedQuery Accepted = AcceptedQuery.Of();

    public Task<IResult> HandleAsync(string id, IQueryCollection query, CancellationToken cancellationToken) =>
        requests.HandleAsync(id, query, Accepted, _ => true,
            async (execution, _) => TypedResults.Ok(new ItemResponse<HostResultsResource>(await ReadAsync(execution, cancellationToken))),
            cancellationToken);

    private async Task<HostResultsResource> ReadAsync(ExecutionRecord execution, CancellationToken cancellationToken)
    {
        var parsed = execution.RowResults is null ? null : await results.ReadHostResultsAsync(execution.Id, cancellationToken);
        return parsed is null
            ? new HostResultsResource { Source = LiveSource, Final = false, Hosts = await live.CountAsync(execution.Id, cancellationToken) }
            : new HostResultsResource { Source = execution.ResultsSource ?? "none", Final = true, Hosts = parsed };
    }
}

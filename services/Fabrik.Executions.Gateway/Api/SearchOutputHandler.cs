using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>
/// <c>GET /api/v1/executions/{id}/search?q=</c>: the lines of the execution's output (colours removed) that contain
/// the phrase, with the event each is in, while the job runs or after.
/// </summary>
public sealed class SearchOutputHandler(ExecutionRequests requests, JobEventQueries events)
{
    public static readonly AcceptedQuery Accepted = AcceptedQuery.Of([OutputPhrase.Search], Paging.Parameters);

    public Task<IResult> HandleAsync(string id, IQueryCollection query, CancellationToken cancellationToken) =>
        requests.HandleAsync(id, query, Accepted,
            reader => (Phrase: reader.Text(OutputPhrase.Search), Paging: Paging.Read(reader)),
            async (execution, search) =>
            {
                var page = await events.SearchAsync(execution.Id, search.Phrase!, search.Paging.Offset, search.Paging.PerPage, cancellationToken);
                return TypedResults.Ok(new PageResponse<OutputLineHit>(page.Hits, Pagination.Of(search.Paging, page.TotalHits)));
            },
            cancellationToken);
}

using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>
/// <c>GET /api/v1/executions</c> and <c>GET /api/v1/executions/status/{status}</c>: executions newest first, filtered
/// and paged in SQL.
/// </summary>
public sealed class ListExecutionsHandler(ExecutionQueries queries)
{
    public static readonly AcceptedQuery Accepted = AcceptedQuery.Of(ExecutionFilterQuery.Parameters, Paging.Parameters);

    public static readonly AcceptedQuery AcceptedByStatus = AcceptedQuery.Of(ExecutionFilterQuery.AllButStatus, Paging.Parameters);

    public Task<IResult> ListAsync(IQueryCollection query, CancellationToken cancellationToken) =>
        ListAsync(query, Accepted, null, new FieldErrors(), cancellationToken);

    public Task<IResult> ListByStatusAsync(string status, IQueryCollection query, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var pathStatus = ExecutionStatusParameter.Parse(status, errors);
        return ListAsync(query, AcceptedByStatus, pathStatus, errors, cancellationToken);
    }

    private async Task<IResult> ListAsync(
        IQueryCollection query, AcceptedQuery accepted, ExecutionStatus? pathStatus, FieldErrors errors, CancellationToken cancellationToken)
    {
        var reader = QueryReader.Open(query, accepted, errors);
        var filter = ExecutionFilterQuery.Read(reader, errors, pathStatus);
        var paging = Paging.Read(reader);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var page = await queries.ListAsync(filter, paging.Offset, paging.PerPage, cancellationToken);
        return TypedResults.Ok(ExecutionResource.PageOf(page, paging));
    }
}

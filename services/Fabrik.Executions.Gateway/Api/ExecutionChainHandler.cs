using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>
/// <c>GET /api/v1/executions/{id}/chain</c>: the relaunch chain the execution belongs to, from the original through
/// every relaunch, so a caller can walk back through "this was the third attempt; here is what failed on the second".
/// </summary>
public sealed class ExecutionChainHandler(ExecutionQueries queries)
{
    public static readonly AcceptedQuery Accepted = AcceptedQuery.Of(Paging.Parameters);

    public async Task<IResult> HandleAsync(string id, IQueryCollection query, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var executionId = ExecutionIdParameter.Parse(id, errors);
        var paging = Paging.Read(QueryReader.Open(query, Accepted, errors));
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var chain = await queries.ChainAsync(executionId, paging.Offset, paging.PerPage, cancellationToken);
        return chain is null ? ApiProblems.ExecutionNotFound(executionId) : TypedResults.Ok(ExecutionResource.PageOf(chain, paging));
    }
}

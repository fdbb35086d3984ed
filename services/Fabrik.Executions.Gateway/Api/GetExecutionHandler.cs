using Fabrik.Executions.Gateway.Api.Queries;

namespace Fabrik.Executions.Gateway.Api;

/// <summary><c>GET /api/v1/executions/{id}</c>.</summary>
public sealed class GetExecutionHandler(ExecutionRequests requests)
{
    public static readonly AcceptedQuery Accepted = AcceptedQuery.Of();

    public Task<IResult> HandleAsync(string id, IQueryCollection query, CancellationToken cancellationToken) =>
        requests.HandleAsync(
            id, query, Accepted, _ => true,
            (execution, _) => Task.FromResult<IResult>(TypedResults.Ok(new ItemResponse<ExecutionResource>(ExecutionResource.From(execution)))),
            cancellationToken);
}

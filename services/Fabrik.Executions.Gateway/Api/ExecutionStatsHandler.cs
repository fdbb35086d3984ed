using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary><c>GET /api/v1/executions/stats</c>: counts over every execution the filters match (all of them by default).</summary>
public sealed class ExecutionStatsHandler(ExecutionQueries queries)
{
    public static readonly AcceptedQuery Accepted = AcceptedQuery.Of(ExecutionFilterQuery.Parameters);

    public async Task<IResult> HandleAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var filter = ExecutionFilterQuery.Read(QueryReader.Open(query, Accepted, errors), errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var stats = await queries.StatsAsync(filter, cancellationToken);
        return TypedResults.Ok(new ItemResponse<ExecutionStatsResource>(ExecutionStatsResource.From(stats)));
    }
}

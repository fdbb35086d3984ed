using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>
/// The common start of every <c>/api/v1/executions/{id}/...</c> read: the id must be a UUID and the query what the
/// endpoint declares (one 400 naming every problem), then the execution must exist (404), and only then is it answered.
/// </summary>
public sealed class ExecutionRequests(ExecutionRepository executions)
{
    public async Task<IResult> HandleAsync<TQuery>(
        string id,
        IQueryCollection query,
        AcceptedQuery accepted,
        Func<QueryReader, TQuery> read,
        Func<ExecutionRecord, TQuery, Task<IResult>> answer,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var executionId = ExecutionIdParameter.Parse(id, errors);
        var parsed = read(QueryReader.Open(query, accepted, errors));
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var execution = await executions.FindAsync(executionId, cancellationToken);
        return execution is null ? ApiProblems.ExecutionNotFound(executionId) : await answer(execution, parsed);
    }
}

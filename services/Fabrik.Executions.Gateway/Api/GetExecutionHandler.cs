using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary><c>GET /api/v1/executions/{id}</c>.</summary>
public sealed class GetExecutionHandler(ExecutionRepository executions)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var executionId = ExecutionIdParameter.Parse(id, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var execution = await executions.FindAsync(executionId, cancellationToken);
        return execution is null
            ? ApiProblems.ExecutionNotFound(executionId)
            : TypedResults.Ok(new ItemResponse<ExecutionResource>(ExecutionResource.From(execution)));
    }
}

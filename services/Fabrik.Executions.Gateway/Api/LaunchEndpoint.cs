using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Gateway.Auth;

namespace Fabrik.Executions.Gateway.Api;

public static class LaunchEndpoint
{
    public static RouteGroupBuilder MapLaunchEndpoint(this RouteGroupBuilder executions)
    {
        executions.MapPost("", (LaunchExecutionHandler handler, HttpRequest request, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .WithName("LaunchExecution")
            .WithSummary("Launch an AWX job or workflow for a portal request; the same request_id twice answers the same execution.")
            .WithDescription("The authenticated caller is recorded as launched_by.")
            .WithQuery(LaunchExecutionHandler.Accepted)
            .Accepts<LaunchRequestBody>("application/json")
            .Produces<ItemResponse<ExecutionResource>>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireOperatorAction("launch");
        return executions;
    }
}

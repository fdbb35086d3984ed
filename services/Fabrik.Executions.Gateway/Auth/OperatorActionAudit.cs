using Fabrik.Executions.Gateway.Api;
using Fabrik.Executions.Gateway.Api.Actions;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Auth;

/// <summary>
/// Records an accepted operator action (a 2xx answer) in <c>operator_actions</c>: what, on which executions, by whom,
/// when. The execution is the route's <c>{id}</c>, else the one answered; a bulk cancel records one row for each
/// execution it canceled or asked AWX to stop. A refused request, or an execution the action left as it was, changed
/// nothing, so it is not recorded.
/// </summary>
public sealed class OperatorActionAudit(string action) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        var statusCode = (result as IStatusCodeHttpResult)?.StatusCode ?? http.Response.StatusCode;
        if (statusCode is < 200 or >= 300)
        {
            return result;
        }

        var caller = Caller.From(http.User);
        await http.RequestServices.GetRequiredService<OperatorActionLog>().RecordAsync(new OperatorAction
        {
            Action = action,
            ExecutionIds = ExecutionsOf(http, result),
            Actor = caller.Name,
            ActorKind = caller.Kind,
            ActorRole = caller.Role,
            HttpMethod = http.Request.Method,
            Path = http.Request.Path,
            StatusCode = statusCode,
        }, http.RequestAborted);
        return result;
    }

    private IReadOnlyList<Guid> ExecutionsOf(HttpContext http, object? result)
    {
        if (http.Request.RouteValues.TryGetValue("id", out var id) && Guid.TryParse(id?.ToString(), out var routeId))
        {
            return [routeId];
        }

        return result switch
        {
            IValueHttpResult { Value: ItemResponse<ExecutionResource> item } => [item.Data.Id],
            IValueHttpResult { Value: ItemResponse<IReadOnlyList<CancelOutcome>> outcomes } =>
                outcomes.Data.Where(outcome => outcome.Result is CancelResult.Canceled or CancelResult.CancelRequested).Select(outcome => outcome.Id).ToList(),
            _ => throw new InvalidOperationException($"The operator action {action} answered no execution to record it against."),
        };
    }
}

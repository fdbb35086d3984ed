using Fabrik.Executions.Gateway.Api;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Auth;

/// <summary>
/// Records an accepted operator action (a 2xx answer) in <c>operator_actions</c>: what, on which execution (the
/// route's <c>{id}</c>, else the execution answered), by whom, when. A refused request changes nothing, so it is not
/// recorded.
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
            ExecutionId = ExecutionOf(http, result),
            Actor = caller.Name,
            ActorKind = caller.Kind,
            ActorRole = caller.Role,
            HttpMethod = http.Request.Method,
            Path = http.Request.Path,
            StatusCode = statusCode,
        }, http.RequestAborted);
        return result;
    }

    private static Guid? ExecutionOf(HttpContext http, object? result)
    {
        if (http.Request.RouteValues.TryGetValue("id", out var id) && Guid.TryParse(id?.ToString(), out var routeId))
        {
            return routeId;
        }

        return result is IValueHttpResult { Value: ItemResponse<ExecutionResource> item } ? item.Data.Id : null;
    }
}

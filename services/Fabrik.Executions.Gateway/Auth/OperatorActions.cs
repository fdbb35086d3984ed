namespace Fabrik.Executions.Gateway.Auth;

/// <summary>How an endpoint becomes an operator action: operators only, and recorded in the audit when accepted.</summary>
public static class OperatorActions
{
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="action">The action's name in the audit: <c>launch</c>, <c>cancel</c>, <c>relaunch</c>, <c>approve</c>, <c>deny</c>, ...</param>
    public static RouteHandlerBuilder RequireOperatorAction(this RouteHandlerBuilder endpoint, string action) =>
        endpoint
            .RequireAuthorization(GatewayPolicies.Operator)
            .AddEndpointFilter(new OperatorActionAudit(action))
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

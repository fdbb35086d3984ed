using Microsoft.AspNetCore.Authorization;

namespace Fabrik.Executions.Gateway.Auth;

/// <summary>The authorization policies endpoints and the hub require, by the role they need.</summary>
public static class GatewayPolicies
{
    /// <summary>Reading and subscribing: viewers and operators.</summary>
    public const string Viewer = "viewer";

    /// <summary>Launching, canceling, relaunching, deciding approvals: operators.</summary>
    public const string Operator = "operator";

    public static void Add(AuthorizationOptions options, bool allowAnonymous)
    {
        options.AddPolicy(Viewer, policy => policy.RequireAssertion(context =>
            allowAnonymous || GatewayRoles.Highest(context.User) is not null));
        options.AddPolicy(Operator, policy => policy.RequireAssertion(context =>
            allowAnonymous || GatewayRoles.Has(context.User, GatewayRoles.Operator)));
    }
}

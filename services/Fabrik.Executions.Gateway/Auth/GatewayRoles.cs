using System.Security.Claims;

namespace Fabrik.Executions.Gateway.Auth;

/// <summary>
/// The two roles: a viewer reads and subscribes; an operator also launches, cancels, relaunches and decides approvals.
/// A token may carry them in a <c>roles</c> or a <c>role</c> claim.
/// </summary>
public static class GatewayRoles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";

    public static readonly IReadOnlyList<string> All = [Viewer, Operator];

    private static readonly string[] RoleClaimTypes = [ClaimTypes.Role, "roles", "role"];

    public static bool Has(ClaimsPrincipal user, string role) =>
        user.Identity?.IsAuthenticated == true
        && user.Claims.Any(claim => RoleClaimTypes.Contains(claim.Type, StringComparer.Ordinal)
                                    && string.Equals(claim.Value, role, StringComparison.OrdinalIgnoreCase));

    /// <summary>The highest role the caller holds, or null.</summary>
    public static string? Highest(ClaimsPrincipal user) =>
        Has(user, Operator) ? Operator : Has(user, Viewer) ? Viewer : null;
}

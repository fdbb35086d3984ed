using System.Security.Claims;

namespace Fabrik.Executions.Gateway.Auth;

/// <summary>Who is calling: the name recorded as <c>launched_by</c> and in the audit, how they proved it, their role.</summary>
/// <param name="Name">The API key's name, or the token's user.</param>
/// <param name="Kind"><c>api_key</c>, <c>jwt</c> or <c>anonymous</c>.</param>
/// <param name="Role"><c>viewer</c>, <c>operator</c>, or null.</param>
public sealed record Caller(string Name, string Kind, string? Role)
{
    public const string ApiKeyKind = "api_key";
    public const string JwtKind = "jwt";
    public const string AnonymousKind = "anonymous";

    private static readonly string[] UserNameClaims = ["preferred_username", "email", "name", "sub"];

    public bool IsAuthenticated => Kind != AnonymousKind;

    public static Caller From(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true } identity)
        {
            return new Caller("anonymous", AnonymousKind, null);
        }

        var role = GatewayRoles.Highest(user);
        if (identity.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
        {
            return new Caller(identity.Name!, ApiKeyKind, role);
        }

        var name = UserNameClaims.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        return new Caller(name ?? "unnamed", JwtKind, role);
    }
}

namespace Fabrik.Executions.Gateway.Auth;

/// <summary>Bearer tokens for people: <c>Auth:Jwt:Authority</c> enables them, <c>Auth:Jwt:Audience</c> is checked when set.</summary>
public sealed class JwtOptions
{
    public string? Authority { get; set; }

    public string? Audience { get; set; }
}

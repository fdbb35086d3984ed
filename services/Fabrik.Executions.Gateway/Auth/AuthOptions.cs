namespace Fabrik.Executions.Gateway.Auth;

/// <summary>The <c>Auth</c> section: API keys, bearer tokens, and the development-only escape of no authentication.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    public JwtOptions Jwt { get; set; } = new();

    /// <summary>Lets every caller do everything without credentials; refused outside the Development environment.</summary>
    public bool AllowAnonymous { get; set; }

    public bool JwtEnabled => !string.IsNullOrWhiteSpace(Jwt.Authority);
}

namespace Fabrik.Executions.Gateway.Auth;

/// <summary>
/// Reads the <c>Auth</c> section and refuses to let the Gateway start on a configuration that would leave it open or
/// broken, with a message naming every key to fix (never a key's value).
/// </summary>
public static class AuthConfiguration
{
    public const int MinKeyLength = 16;
    public const int MaxNameLength = 100;

    public const string NothingConfigured =
        "The Gateway has no way to authenticate callers. Configure an API key (Auth__ApiKeys__0__Name, "
        + "Auth__ApiKeys__0__Key of at least 16 characters, Auth__ApiKeys__0__Role = viewer or operator) or bearer tokens "
        + "(Auth__Jwt__Authority, optionally Auth__Jwt__Audience). Only in development, Auth__AllowAnonymous=true lets "
        + "every caller in without credentials.";

    public static AuthOptions Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (options.ApiKeys.Count == 0 && !options.JwtEnabled && !options.AllowAnonymous)
        {
            throw new InvalidOperationException(NothingConfigured);
        }

        var problems = new List<string>();
        if (options.AllowAnonymous && !environment.IsDevelopment())
        {
            problems.Add($"Auth:AllowAnonymous=true is for development only, and this is the {environment.EnvironmentName} "
                         + "environment: configure an API key or bearer tokens instead.");
        }

        for (var index = 0; index < options.ApiKeys.Count; index++)
        {
            CheckKey(options.ApiKeys, index, problems);
        }

        CheckJwt(options.Jwt, problems);
        return problems.Count == 0
            ? options
            : throw new InvalidOperationException("The Gateway's Auth configuration is not valid: " + string.Join(" ", problems));
    }

    private static void CheckKey(List<ApiKeyOptions> keys, int index, List<string> problems)
    {
        var key = keys[index];
        var prefix = $"Auth:ApiKeys:{index}";
        if (string.IsNullOrWhiteSpace(key.Name) || key.Name.Length > MaxNameLength || key.Name.Any(char.IsControl))
        {
            problems.Add($"{prefix}:Name must name who uses the key, in 1 to {MaxNameLength} printable characters.");
        }
        else if (keys.Take(index).Any(other => string.Equals(other.Name, key.Name, StringComparison.Ordinal)))
        {
            problems.Add($"{prefix}:Name '{key.Name}' is used by another key; each key needs its own name.");
        }

        if (key.Key is null || key.Key.Length < MinKeyLength || !key.Key.All(c => c is > ' ' and <= '~'))
        {
            problems.Add($"{prefix}:Key must be at least {MinKeyLength} printable ASCII characters without spaces.");
        }
        else if (keys.Take(index).Any(other => string.Equals(other.Key, key.Key, StringComparison.Ordinal)))
        {
            problems.Add($"{prefix}:Key is the same as another key's; give each caller its own.");
        }

        if (key.Role is not (GatewayRoles.Viewer or GatewayRoles.Operator))
        {
            problems.Add($"{prefix}:Role must be '{GatewayRoles.Viewer}' or '{GatewayRoles.Operator}'.");
        }
    }

    private static void CheckJwt(JwtOptions jwt, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(jwt.Authority))
        {
            if (!string.IsNullOrWhiteSpace(jwt.Audience))
            {
                problems.Add("Auth:Jwt:Audience is set but Auth:Jwt:Authority is not: set the token issuer's URL too.");
            }

            return;
        }

        if (!Uri.TryCreate(jwt.Authority, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttps && !(authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback)))
        {
            problems.Add("Auth:Jwt:Authority must be the https:// URL of the token issuer (http:// only on loopback).");
        }
    }
}

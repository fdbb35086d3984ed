namespace Fabrik.Executions.Gateway.Auth;

/// <summary>Cross-origin calls only from the origins in <c>Cors:AllowedOrigins</c>; none when it is empty.</summary>
public static class GatewayCors
{
    public const string Section = "Cors:AllowedOrigins";

    public static WebApplicationBuilder AddGatewayCors(this WebApplicationBuilder builder)
    {
        var origins = (builder.Configuration.GetSection(Section).Get<string[]>() ?? [])
            .Select(origin => origin.TrimEnd('/'))
            .ToArray();
        var invalid = origins.Where(origin => !IsOrigin(origin)).ToList();
        if (invalid.Count > 0)
        {
            throw new InvalidOperationException(
                $"{Section} must hold origins such as https://portal.example.com (scheme, host and port, no wildcard); "
                + $"these are not: {string.Join(", ", invalid)}.");
        }

        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .AllowCredentials()
            .WithExposedHeaders("Location", "Retry-After", "Content-Disposition")));
        return builder;
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.UserInfo.Length == 0 && !value.Contains('*', StringComparison.Ordinal);
}

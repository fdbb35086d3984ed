using Microsoft.AspNetCore.Authentication;

namespace Fabrik.Executions.Gateway.Auth;

/// <summary>
/// Authentication (API keys and, when configured, bearer tokens), the role policies, CORS and per-caller rate limits.
/// The Gateway refuses to start without a way to authenticate callers (<see cref="AuthConfiguration"/>).
/// </summary>
public static class GatewayAuthExtensions
{
    /// <summary>The default scheme: hands each request to the API key or the bearer token scheme by what it carries.</summary>
    public const string CallerScheme = "Caller";

    private const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static WebApplicationBuilder AddGatewayAuth(this WebApplicationBuilder builder)
    {
        var options = AuthConfiguration.Read(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ApiKeyStore>();

        var authentication = builder.Services.AddAuthentication(CallerScheme)
            .AddPolicyScheme(CallerScheme, "API key or bearer token", scheme => scheme.ForwardDefaultSelector = context =>
                options.JwtEnabled && CallerCredentials.ApiKeyOf(context.Request) is null
                    ? JwtBearerSetup.SchemeName
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (options.JwtEnabled)
        {
            authentication.AddJwtBearer(JwtBearerSetup.SchemeName, jwt => JwtBearerSetup.Configure(jwt, options.Jwt));
        }

        builder.Services.AddAuthorization(authorization => GatewayPolicies.Add(authorization, options.AllowAnonymous));
        // "Request starting/finished" logs carry the query string, where SignalR clients put their key or token.
        builder.Logging.AddFilter(RequestLogCategory, LogLevel.Warning);
        builder.AddGatewayCors();
        builder.AddGatewayRateLimits();
        return builder;
    }

    public static WebApplication UseGatewayAuth(this WebApplication app)
    {
        if (app.Services.GetRequiredService<AuthOptions>().AllowAnonymous)
        {
            app.Logger.LogWarning(
                "Auth:AllowAnonymous is true: every caller may read, launch, cancel and relaunch without credentials. Development only");
        }

        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}

using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Fabrik.Executions.Gateway.Auth;

/// <summary>Bearer tokens from the configured issuer; on the hub also from <c>access_token</c>, where browsers put them.</summary>
public static class JwtBearerSetup
{
    public const string SchemeName = JwtBearerDefaults.AuthenticationScheme;

    public static void Configure(JwtBearerOptions options, JwtOptions jwt)
    {
        var authority = new Uri(jwt.Authority!);
        options.Authority = jwt.Authority;
        options.RequireHttpsMetadata = !authority.IsLoopback;
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = "preferred_username";
        options.TokenValidationParameters.RoleClaimType = "roles";
        if (string.IsNullOrWhiteSpace(jwt.Audience))
        {
            options.TokenValidationParameters.ValidateAudience = false;
        }
        else
        {
            options.Audience = jwt.Audience;
        }

        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                if (CallerCredentials.HubTokenOf(context.Request) is { } token && string.IsNullOrEmpty(context.Token))
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
        };
    }
}

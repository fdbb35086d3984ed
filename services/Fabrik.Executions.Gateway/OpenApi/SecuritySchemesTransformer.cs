using Fabrik.Executions.Gateway.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fabrik.Executions.Gateway.OpenApi;

/// <summary>Describes how callers authenticate: the API key header, and bearer tokens when an issuer is configured.</summary>
public sealed class SecuritySchemesTransformer(AuthOptions auth) : IOpenApiDocumentTransformer
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Fabrik.Executions Gateway";
        document.Info.Description =
            "Executions of AWX jobs launched for portal requests: their lists, output, per-host results and operator actions. "
            + "Viewers read; operators also launch, cancel, relaunch and decide approvals.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = CallerCredentials.ApiKeyHeader,
            Description = "An API key for a service or script, with the viewer or operator role.",
        };
        if (auth.JwtEnabled)
        {
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from the configured issuer; its roles (or role) claim holds viewer or operator.",
            };
        }

        return Task.CompletedTask;
    }
}

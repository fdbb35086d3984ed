using Fabrik.Executions.Gateway.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fabrik.Executions.Gateway.OpenApi;

/// <summary>Marks every endpoint that needs a caller with the schemes that satisfy it and the role it needs.</summary>
public sealed class SecurityRequirementsTransformer(AuthOptions auth) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var policies = metadata.OfType<IAuthorizeData>().Select(data => data.Policy).ToList();
        if (policies.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(Requirement(SecuritySchemesTransformer.ApiKeyScheme, context));
        if (auth.JwtEnabled)
        {
            operation.Security.Add(Requirement(SecuritySchemesTransformer.BearerScheme, context));
        }

        var role = policies.Contains(GatewayPolicies.Operator) ? GatewayRoles.Operator : GatewayRoles.Viewer;
        operation.Description = $"{operation.Description} Needs the {role} role.".TrimStart();
        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiOperationTransformerContext context) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] };
}

using Scalar.AspNetCore;

namespace Fabrik.Executions.Gateway.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: every endpoint with its query parameters, bodies, answers and
/// problems, and the security schemes; in development also the interactive reference at <c>/scalar/v1</c>.
/// </summary>
public static class GatewayOpenApi
{
    public static WebApplicationBuilder AddGatewayOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<SecuritySchemesTransformer>();
            options.AddOperationTransformer<SecurityRequirementsTransformer>();
            options.AddOperationTransformer<QueryParametersTransformer>();
            options.AddOperationTransformer<PathParametersTransformer>();
        });
        return builder;
    }

    public static WebApplication MapGatewayOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        return app;
    }
}

using Fabrik.Executions.Gateway.Api.Workflows;
using Fabrik.Executions.Gateway.Auth;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>The <c>/api/v1/executions</c> endpoints, JSON in snake_case, errors as problem details.</summary>
public static class ExecutionsApi
{
    public const string BasePath = "/api/v1/executions";

    public static WebApplicationBuilder AddExecutionsApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => GatewayJson.Apply(options.SerializerOptions));
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.AddMissingDetail);
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddSingleton<ExecutionQueries>();
        builder.Services.AddSingleton<JobEventQueries>();
        builder.Services.AddSingleton<HostResultsFromEvents>();
        builder.Services.AddSingleton<OperatorActionLog>();
        builder.Services.AddSingleton<ExecutionRequests>();
        builder.Services.AddScoped<LaunchExecutionHandler>();
        builder.Services.AddScoped<ListExecutionsHandler>();
        builder.Services.AddScoped<ExecutionStatsHandler>();
        builder.Services.AddScoped<ExportExecutionsHandler>();
        builder.Services.AddScoped<GetExecutionHandler>();
        builder.Services.AddScoped<ExecutionChainHandler>();
        builder.Services.AddScoped<ListJobEventsHandler>();
        builder.Services.AddScoped<DownloadStdoutHandler>();
        builder.Services.AddScoped<HostResultsHandler>();
        builder.Services.AddScoped<SearchOutputHandler>();
        builder.Services.AddScoped<GetWorkflowHandler>();
        return builder;
    }

    /// <summary>
    /// The group every <c>/api/v1/executions</c> endpoint belongs to: viewers and operators only (403 for a caller
    /// with neither role), rate-limited per caller, and 503 while the database is out of reach. Operator actions add
    /// <see cref="OperatorActions.RequireOperatorAction"/>.
    /// </summary>
    public static RouteGroupBuilder MapExecutionsGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup(BasePath)
            .WithTags("Executions")
            .RequireAuthorization(GatewayPolicies.Viewer)
            .RequireRateLimiting(GatewayRateLimits.PerCaller)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static WebApplication MapExecutionsApi(this WebApplication app)
    {
        var executions = app.MapExecutionsGroup();
        executions.MapLaunchEndpoint();
        executions.MapExecutionReadEndpoints();
        executions.MapExecutionOutputEndpoints();
        return app;
    }

    public static string PathOf(Guid executionId) => $"{BasePath}/{executionId}";
}

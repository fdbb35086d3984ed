namespace Fabrik.Executions.Gateway.Api;

/// <summary>The <c>/api/v1/executions</c> endpoints, JSON in snake_case, errors as problem details.</summary>
public static class ExecutionsApi
{
    public const string BasePath = "/api/v1/executions";

    public static WebApplicationBuilder AddExecutionsApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => GatewayJson.Apply(options.SerializerOptions));
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.AddMissingDetail);
        builder.Services.AddOpenApi();
        builder.Services.AddScoped<LaunchExecutionHandler>();
        builder.Services.AddScoped<GetExecutionHandler>();
        builder.Services.AddScoped<ListJobEventsHandler>();
        return builder;
    }

    public static WebApplication MapExecutionsApi(this WebApplication app)
    {
        var executions = app.MapGroup(BasePath).WithTags("Executions");

        executions.MapPost("", (LaunchExecutionHandler handler, HttpRequest request, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .WithName("LaunchExecution")
            .WithSummary("Launch an AWX job or workflow for a portal request; the same request_id twice answers the same execution.")
            .Accepts<LaunchRequestBody>("application/json")
            .Produces<ItemResponse<ExecutionResource>>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        executions.MapGet("{id}", (GetExecutionHandler handler, string id, CancellationToken cancellationToken) =>
                handler.HandleAsync(id, cancellationToken))
            .WithName("GetExecution")
            .WithSummary("One execution: status, progress, AWX job, results.")
            .Produces<ItemResponse<ExecutionResource>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        executions.MapGet("{id}/events", (ListJobEventsHandler handler, string id, HttpRequest request, CancellationToken cancellationToken) =>
                handler.HandleAsync(id, request.Query, cancellationToken))
            .WithName("ListJobEvents")
            .WithSummary("Stored AWX job events after a counter, in counter order; query after, limit (1-1000, default 100) and job.")
            .Produces<JobEventPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static string PathOf(Guid executionId) => $"{BasePath}/{executionId}";
}

namespace Fabrik.Executions.Gateway.Api.Queries;

public static class QueryMetadata
{
    /// <summary>Declares the query parameters an endpoint takes, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder endpoint, AcceptedQuery accepted) =>
        endpoint.WithMetadata(accepted);
}

using Fabrik.Executions.Gateway.Api.Queries;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>
/// How a read endpoint is mapped: its handler comes from the request's services and gets the query (and the
/// route's <c>{id}</c>); the query parameters it declares and the problems every read can answer are documented.
/// </summary>
public static class ReadEndpoints
{
    public static RouteHandlerBuilder MapRead<THandler>(
        this RouteGroupBuilder group,
        string pattern,
        AcceptedQuery accepted,
        Func<THandler, IQueryCollection, CancellationToken, Task<IResult>> handle)
        where THandler : notnull =>
        group.MapGet(pattern, (THandler handler, HttpRequest request, CancellationToken cancellationToken) =>
                handle(handler, request.Query, cancellationToken))
            .WithQuery(accepted)
            .ProducesValidationProblem();

    /// <summary>A read of one execution, <c>{id}</c> in <paramref name="pattern"/>: 404 when there is no such execution.</summary>
    public static RouteHandlerBuilder MapExecutionRead<THandler>(
        this RouteGroupBuilder group,
        string pattern,
        AcceptedQuery accepted,
        Func<THandler, string, IQueryCollection, CancellationToken, Task<IResult>> handle)
        where THandler : notnull =>
        group.MapGet(pattern, (THandler handler, string id, HttpRequest request, CancellationToken cancellationToken) =>
                handle(handler, id, request.Query, cancellationToken))
            .WithQuery(accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

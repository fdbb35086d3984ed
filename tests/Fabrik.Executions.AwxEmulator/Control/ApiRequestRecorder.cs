namespace Fabrik.Executions.AwxEmulator.Control;

/// <summary>Puts every /api/v2 request in the <see cref="ApiRequestLog"/>, before faults or authentication answer it.</summary>
internal sealed class ApiRequestRecorder(ApiRequestLog log, TimeProvider time) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var query = request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        log.Record(new ApiRequest(request.Method, request.Path.Value ?? "", query, time.GetUtcNow()));
        return next(context);
    }
}

using Fabrik.Executions.AwxEmulator.Api;

namespace Fabrik.Executions.AwxEmulator.Faults;

/// <summary>Slows down and breaks /api/v2 requests as the fault settings ask, before authentication as a proxy would.</summary>
internal sealed class FaultInjectionFilter(FaultState faults, ServerErrorBurst burst, TimeProvider time) : IEndpointFilter
{
    private static readonly (int Status, string Detail)[] ServerErrors =
    [
        (StatusCodes.Status500InternalServerError, "A server error has occurred."),
        (StatusCodes.Status502BadGateway, "Bad gateway."),
        (StatusCodes.Status503ServiceUnavailable, "Service unavailable."),
    ];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var settings = faults.Current;
        var delay = settings.LatencyMs;
        if (settings.LatencySpikeProbability > 0 && Random.Shared.NextDouble() < settings.LatencySpikeProbability)
        {
            delay += settings.LatencySpikeMs;
        }
        if (delay > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(delay), time, context.HttpContext.RequestAborted);
        }
        if (settings.RefuseTokenStatus != 0)
        {
            return TokenRefusal.Answer(settings.RefuseTokenStatus);
        }
        if ((settings.ServerErrorRate > 0 && Random.Shared.NextDouble() < settings.ServerErrorRate)
            || burst.Takes(settings))
        {
            var (status, detail) = ServerErrors[Random.Shared.Next(ServerErrors.Length)];
            return AwxResults.Detail(status, detail);
        }
        return await next(context);
    }
}

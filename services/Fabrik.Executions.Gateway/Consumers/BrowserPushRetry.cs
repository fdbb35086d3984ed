using MassTransit;

namespace Fabrik.Executions.Gateway.Consumers;

/// <summary>
/// A push to browsers fails only when the Redis backplane does; retry briefly, since pushing again is harmless
/// (clients dedupe) and a browser that missed something resumes from its last counter anyway.
/// </summary>
internal static class BrowserPushRetry
{
    public static void Configure(IRetryConfigurator retry) => retry.Intervals(100, 500, 2000);
}

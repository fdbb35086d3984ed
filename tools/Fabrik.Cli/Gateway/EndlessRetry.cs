using Microsoft.AspNetCore.SignalR.Client;

namespace Fabrik.Cli.Gateway;

/// <summary>Reconnects for as long as it takes: a Gateway restart must not end a <c>tail</c>.</summary>
public sealed class EndlessRetry : IRetryPolicy
{
    private static readonly TimeSpan[] Delays = [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    public TimeSpan? NextRetryDelay(RetryContext retryContext) => Delays[Math.Min(retryContext.PreviousRetryCount, Delays.Length - 1)];
}

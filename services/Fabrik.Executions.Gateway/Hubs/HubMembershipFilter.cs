using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Fabrik.Executions.Gateway.Hubs;

/// <summary>Keeps <see cref="HubMembership"/> in step with the subscribe and unsubscribe calls that succeeded.</summary>
public sealed class HubMembershipFilter(HubMembership membership) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var result = await next(invocationContext);
        var connectionId = invocationContext.Context.ConnectionId;
        switch (invocationContext.HubMethodName)
        {
            case nameof(ExecutionsHub.SubscribeToOutput):
                membership.Joined(connectionId, OutputGroup(invocationContext));
                break;
            case nameof(ExecutionsHub.UnsubscribeFromOutput):
                membership.Left(connectionId, OutputGroup(invocationContext));
                break;
            case nameof(ExecutionsHub.SubscribeToMonitor):
                membership.Joined(connectionId, ExecutionGroups.Monitor);
                break;
            case nameof(ExecutionsHub.UnsubscribeFromMonitor):
                membership.Left(connectionId, ExecutionGroups.Monitor);
                break;
        }

        return result;
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        membership.Disconnected(context.Context.ConnectionId);
        return next(context, exception);
    }

    // The hub method already accepted the argument, so it parses.
    private static string OutputGroup(HubInvocationContext invocationContext) =>
        ExecutionGroups.Output(HubArguments.ExecutionId((JsonElement)invocationContext.HubMethodArguments[0]!));
}

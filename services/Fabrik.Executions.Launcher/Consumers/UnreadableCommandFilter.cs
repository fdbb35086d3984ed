using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Launcher.Launching;
using MassTransit;

namespace Fabrik.Executions.Launcher.Consumers;

/// <summary>
/// Answers a command whose JSON cannot be read as <typeparamref name="TCommand"/> (an unknown template kind, text
/// where a number belongs) with a rejection that names the field. Without it the message fails before any consumer
/// runs, lands in the error queue, and the caller (a service that wrote the JSON itself) waits for an answer that
/// never comes. A command sent without a response address still lands in the error queue.
/// </summary>
public sealed class UnreadableCommandFilter<TCommand>(ILogger logger) : IFilter<ConsumeContext>
    where TCommand : class
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        var started = Stopwatch.GetTimestamp();
        // Only a caller waiting for an answer gets one; a command nobody waits for is poison and goes to the error
        // queue with the reason, where operators look.
        if (context.ResponseAddress is null || ReadProblem(context) is not { } detail)
        {
            await next.Send(context);
            return;
        }

        context.TryGetMessage<JsonObject>(out var raw);
        var executionId = UnreadableCommand.ExecutionIdOf(raw?.Message);
        UnreadableCommand.LogRejected(logger, typeof(TCommand).Name, executionId, detail);
        await context.RespondAsync(LauncherMessages.Rejected(executionId, RejectionReason.Invalid, detail));
        if (raw is not null)
        {
            // Answered, so the message is done with rather than set aside as one no consumer took.
            await raw.NotifyConsumed(Stopwatch.GetElapsedTime(started), nameof(UnreadableCommandFilter<TCommand>));
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("unreadableCommand");

    /// <summary>Why the command cannot be read; null when it can, and then the context keeps what was read for the consumer.</summary>
    private static string? ReadProblem(ConsumeContext context)
    {
        try
        {
            context.TryGetMessage<TCommand>(out _);
            return null;
        }
        catch (JsonException exception)
        {
            return UnreadableCommand.Describe<TCommand>(exception);
        }
    }
}

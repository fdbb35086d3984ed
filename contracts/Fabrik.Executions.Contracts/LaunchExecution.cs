using System.Text.Json;

namespace Fabrik.Executions.Contracts;

/// <summary>
/// Command to the Launcher (request/response): create an execution for a portal request and launch its AWX job.
/// Answered with <see cref="ExecutionAccepted"/> or <see cref="CommandRejected"/>. The same <see cref="RequestId"/>
/// twice yields the same execution and one AWX job.
/// </summary>
public sealed record LaunchExecution
{
    /// <summary>The id proposed for the new execution; when the request id is already known the existing execution's id is answered instead.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>The portal request this execution belongs to; the idempotency key of the launch.</summary>
    public required string RequestId { get; init; }

    /// <summary>The template to launch.</summary>
    public required TemplateReference Template { get; init; }

    /// <summary>Extra variables for AWX: a JSON object.</summary>
    public required JsonElement ExtraVars { get; init; }

    /// <summary>AWX host limit pattern, if any.</summary>
    public string? Limit { get; init; }

    /// <summary>AWX inventory id overriding the template's, if any.</summary>
    public int? Inventory { get; init; }

    /// <summary>AWX credential ids to launch with.</summary>
    public required IReadOnlyList<int> Credentials { get; init; }

    /// <summary>Who asked for the launch.</summary>
    public required string LaunchedBy { get; init; }
}

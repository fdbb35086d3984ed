using System.Text.Json;
using Fabrik.Executions.Contracts;
using MassTransit;

namespace Fabrik.Executions.Launcher.Tests;

/// <summary><see cref="LaunchExecution"/> as a service outside .NET writes it: the same message type, any JSON in its fields.</summary>
[MessageUrn("Fabrik.Executions.Contracts:LaunchExecution")]
public sealed record ForeignLaunchExecution
{
    public required Guid ExecutionId { get; init; }

    public required string RequestId { get; init; }

    public required JsonElement Template { get; init; }

    public required JsonElement ExtraVars { get; init; }

    public required JsonElement Credentials { get; init; }

    public required string LaunchedBy { get; init; }
}

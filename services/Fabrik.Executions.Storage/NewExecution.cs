using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Storage;

/// <summary>What the Launcher knows when it creates an execution, before AWX has seen it.</summary>
public sealed record NewExecution
{
    public required Guid Id { get; init; }
    public required string RequestId { get; init; }
    public required TemplateReference Template { get; init; }
    public required string ExtraVarsJson { get; init; }
    public string? LimitPattern { get; init; }
    public int? InventoryId { get; init; }
    public required IReadOnlyList<int> CredentialIds { get; init; }
    public required string LaunchedBy { get; init; }
}

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>AWX's WorkflowApprovalTemplate; <paramref name="Timeout"/> in seconds, 0 for never.</summary>
internal sealed record ApprovalTemplate(int Id, string Name, string Description, int Timeout, DateTimeOffset Created);

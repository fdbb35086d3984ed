namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record InstanceGroupSummary(int Id, string Name, bool IsContainerGroup);

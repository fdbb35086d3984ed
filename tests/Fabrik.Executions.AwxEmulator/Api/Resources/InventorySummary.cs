namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record InventorySummary(
    int Id,
    string Name,
    string Description,
    bool HasActiveFailures,
    int TotalHosts,
    int HostsWithActiveFailures,
    int TotalGroups,
    int GroupsWithActiveFailures,
    bool HasInventorySources,
    int TotalInventorySources,
    int InventorySourcesWithFailures,
    int OrganizationId,
    string Kind);

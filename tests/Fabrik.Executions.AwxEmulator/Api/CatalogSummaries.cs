using Fabrik.Executions.AwxEmulator.Api.Resources;
using Fabrik.Executions.AwxEmulator.Catalog;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>The fixed objects around every emulated job: organization, project, execution environment, instance group, user.</summary>
internal static class CatalogSummaries
{
    public const int OrganizationId = 1;
    public const int ProjectId = 1;
    public const int ExecutionEnvironmentId = 1;
    public const int InstanceGroupId = 1;
    public const int AdminUserId = 1;

    public static ObjectSummary Organization { get; } = new(OrganizationId, "Default", "");

    public static ProjectSummary Project { get; } = new(ProjectId, "Emulator Project", "", "successful", "", false);

    public static ExecutionEnvironmentSummary ExecutionEnvironment { get; } =
        new(ExecutionEnvironmentId, "AWX EE (latest)", "", "quay.io/ansible/awx-ee:latest");

    public static InstanceGroupSummary InstanceGroup { get; } = new(InstanceGroupId, "default", false);

    public static UserSummary Admin { get; } = new(AdminUserId, "admin", "", "");

    public static LaunchedBy LaunchedByAdmin { get; } = new(AdminUserId, "admin", "user", AwxUrls.User(AdminUserId));

    public static InventorySummary Inventory(InventoryReference inventory) =>
        new(inventory.Id, inventory.Name, "", false, 0, 0, 0, 0, false, 0, 0, OrganizationId, "");

    public static CredentialSummary Credential(int id) => new(id, $"Credential {id}", "", "ssh", false);
}

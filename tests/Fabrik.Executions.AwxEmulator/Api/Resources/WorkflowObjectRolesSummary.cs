namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record WorkflowObjectRolesSummary(RoleSummary AdminRole, RoleSummary ExecuteRole, RoleSummary ReadRole, RoleSummary ApprovalRole);

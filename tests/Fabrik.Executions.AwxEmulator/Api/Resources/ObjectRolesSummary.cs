namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record ObjectRolesSummary(RoleSummary AdminRole, RoleSummary ExecuteRole, RoleSummary ReadRole);

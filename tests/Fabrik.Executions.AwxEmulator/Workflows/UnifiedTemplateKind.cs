namespace Fabrik.Executions.AwxEmulator.Workflows;

internal enum UnifiedTemplateKind
{
    JobTemplate,
    WorkflowTemplate,
    ApprovalTemplate,
}

using Fabrik.Executions.AwxEmulator.Api;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>What a node's <c>unified_job_template</c> points at.</summary>
internal sealed record UnifiedTemplateReference(int Id, string Name, string Description, UnifiedTemplateKind Kind)
{
    /// <summary>AWX's <c>unified_job_type</c>: the type of the job the template spawns.</summary>
    public string UnifiedJobType => Kind switch
    {
        UnifiedTemplateKind.JobTemplate => "job",
        UnifiedTemplateKind.WorkflowTemplate => "workflow_job",
        _ => "workflow_approval",
    };

    public string Url => Kind switch
    {
        UnifiedTemplateKind.JobTemplate => AwxUrls.JobTemplate(Id),
        UnifiedTemplateKind.WorkflowTemplate => AwxUrls.WorkflowJobTemplate(Id),
        _ => AwxUrls.ApprovalTemplate(Id),
    };
}

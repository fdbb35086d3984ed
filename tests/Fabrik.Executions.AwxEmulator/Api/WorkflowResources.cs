using Fabrik.Executions.AwxEmulator.Api.Resources;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>Builds the workflow resources that need more than one store to answer.</summary>
internal sealed class WorkflowResources(WorkflowTemplateStore store, WorkflowJobRegistry registry)
{
    public WorkflowJobTemplateResource Template(WorkflowTemplate template) =>
        WorkflowJobTemplateResource.Of(template, JobsOf(template.Id));

    public IReadOnlyList<EmulatedWorkflowJob> JobsOf(int templateId) =>
        [.. registry.WorkflowJobs().Where(workflowJob => workflowJob.Template.Id == templateId)];

    /// <summary>Null when the node's workflow job template is gone.</summary>
    public WorkflowTemplateNodeResource? Node(WorkflowNodeSnapshot node)
    {
        if (store.FindTemplate(node.WorkflowTemplateId) is not { } workflowTemplate)
        {
            return null;
        }
        var template = node.Settings.UnifiedJobTemplateId is { } id ? store.Describe(id) : null;
        var approval = template?.Kind == UnifiedTemplateKind.ApprovalTemplate ? store.FindApprovalTemplate(template.Id) : null;
        return new WorkflowTemplateNodeResource(node, workflowTemplate, template, approval);
    }
}

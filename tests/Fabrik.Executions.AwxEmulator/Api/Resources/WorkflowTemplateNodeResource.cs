using System.Text.Json.Serialization;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>AWX's WorkflowJobTemplateNodeSerializer.</summary>
internal sealed class WorkflowTemplateNodeResource : WorkflowNodeResource
{
    private const string Collection = "workflow_job_template_nodes";

    public WorkflowTemplateNodeResource(WorkflowNodeSnapshot node, WorkflowTemplate workflowTemplate, UnifiedTemplateReference? template, ApprovalTemplate? approvalTemplate)
        : base(node.Id, node.Settings, template, node.Children, node.Created, node.Modified)
    {
        WorkflowJobTemplate = workflowTemplate.Id;
        Url = AwxUrls.WorkflowTemplateNode(node.Id);
        var related = EdgeLinks(Collection, node.Id);
        related["create_approval_template"] = AwxUrls.Path(Collection, node.Id, "create_approval_template");
        related["credentials"] = AwxUrls.Path(Collection, node.Id, "credentials");
        related["labels"] = AwxUrls.Path(Collection, node.Id, "labels");
        related["instance_groups"] = AwxUrls.Path(Collection, node.Id, "instance_groups");
        related["workflow_job_template"] = AwxUrls.WorkflowJobTemplate(workflowTemplate.Id);
        if (template is not null)
        {
            related["unified_job_template"] = template.Url;
        }
        Related = related;
        SummaryFields = new WorkflowTemplateNodeSummaryFields(
            new ObjectSummary(workflowTemplate.Id, workflowTemplate.Name, workflowTemplate.Description),
            template is null ? null : NodeTemplateSummary.Of(template) with { Timeout = approvalTemplate?.Timeout });
    }

    public override string Type => "workflow_job_template_node";

    public override string Url { get; }

    public override IReadOnlyDictionary<string, string> Related { get; }

    public override object SummaryFields { get; }

    [JsonPropertyOrder(1)]
    public int WorkflowJobTemplate { get; }
}

using System.Text.Json.Serialization;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>AWX's WorkflowJobNodeSerializer: the node's job (null until spawned) and do_not_run.</summary>
internal sealed class WorkflowJobNodeResource : WorkflowNodeResource
{
    public WorkflowJobNodeResource(WorkflowJobNodeSnapshot node, EmulatedWorkflowJob workflowJob, DateTimeOffset now)
        : base(node.Id, node.Settings, node.Template, node.Children, node.Created, node.Modified)
    {
        Url = AwxUrls.WorkflowJobNode(node.Id);
        var related = EdgeLinks("workflow_job_nodes", node.Id);
        related["credentials"] = AwxUrls.Path("workflow_job_nodes", node.Id, "credentials");
        related["labels"] = AwxUrls.Path("workflow_job_nodes", node.Id, "labels");
        related["instance_groups"] = AwxUrls.Path("workflow_job_nodes", node.Id, "instance_groups");
        if (node.Template is not null)
        {
            related["unified_job_template"] = node.Template.Url;
        }
        if (node.Job is not null)
        {
            related["job"] = node.Job.Url;
        }
        related["workflow_job"] = AwxUrls.WorkflowJob(workflowJob.Id);
        Related = related;
        SummaryFields = new WorkflowJobNodeSummaryFields(
            node.Job is null ? null : NodeJobSummary.Of(node.Job, now),
            new ObjectSummary(workflowJob.Id, workflowJob.Name, workflowJob.Description),
            node.Template is null ? null : NodeTemplateSummary.Of(node.Template));
        Job = node.Job?.Id;
        WorkflowJob = workflowJob.Id;
        DoNotRun = node.DoNotRun;
    }

    public override string Type => "workflow_job_node";

    public override string Url { get; }

    public override IReadOnlyDictionary<string, string> Related { get; }

    public override object SummaryFields { get; }

    [JsonPropertyOrder(1)]
    public int? Job { get; }

    [JsonPropertyOrder(1)]
    public int WorkflowJob { get; }

    [JsonPropertyOrder(1)]
    public bool DoNotRun { get; }
}

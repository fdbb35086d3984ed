using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>AWX's WorkflowApprovalSerializer (shared/awx-samples/data.workflowApprovals.json).</summary>
internal sealed class WorkflowApprovalResource
{
    public WorkflowApprovalResource(EmulatedApproval approval, DateTimeOffset now)
    {
        var state = approval.State;
        var template = approval.Template;
        var workflowJob = approval.SourceWorkflowJob;
        var pending = state.Status == JobStatus.Pending;
        Id = approval.Id;
        Url = AwxUrls.WorkflowApproval(approval.Id);
        var related = new Dictionary<string, string>
        {
            ["created_by"] = AwxUrls.User(CatalogSummaries.AdminUserId),
            ["unified_job_template"] = AwxUrls.ApprovalTemplate(template.Id),
            ["source_workflow_job"] = AwxUrls.WorkflowJob(workflowJob.Id),
            ["workflow_approval_template"] = AwxUrls.ApprovalTemplate(template.Id),
            ["approve"] = AwxUrls.Path("workflow_approvals", approval.Id, "approve"),
            ["deny"] = AwxUrls.Path("workflow_approvals", approval.Id, "deny"),
        };
        if (state.Decided)
        {
            related["approved_or_denied_by"] = AwxUrls.User(CatalogSummaries.AdminUserId);
        }
        Related = related;
        SummaryFields = new WorkflowApprovalSummaryFields
        {
            WorkflowJobTemplate = new ObjectSummary(workflowJob.Template.Id, workflowJob.Template.Name, workflowJob.Template.Description),
            WorkflowJob = new ObjectSummary(workflowJob.Id, workflowJob.Name, workflowJob.Description),
            WorkflowApprovalTemplate = new ApprovalTemplateSummary(template.Id, template.Name, template.Description, template.Timeout),
            UnifiedJobTemplate = new UnifiedJobTemplateSummary(template.Id, template.Name, template.Description, "workflow_approval"),
            ApprovedOrDeniedBy = state.Decided ? CatalogSummaries.Admin : null,
            CreatedBy = CatalogSummaries.Admin,
            UserCapabilities = new JobUserCapabilities(Delete: !pending, Start: pending),
            SourceWorkflowJob = SourceWorkflowJobSummary.Of(workflowJob, now)!,
        };
        Created = approval.Created;
        Modified = state.Modified;
        Name = template.Name;
        Description = template.Description;
        UnifiedJobTemplate = template.Id;
        Status = state.Status;
        Failed = state.Status.CountsAsFailed();
        Started = approval.Created;
        Finished = state.Finished;
        CanceledOn = state.CanceledOn;
        Elapsed = UnifiedJobElapsed.Of(approval.Created, state.Finished, now);
        JobExplanation = state.JobExplanation;
        CanApproveOrDeny = pending;
        ApprovalExpiration = pending ? approval.Expires : null;
        TimedOut = state.TimedOut;
    }

    public int Id { get; }

    public string Type => "workflow_approval";

    public string Url { get; }

    public IReadOnlyDictionary<string, string> Related { get; }

    public WorkflowApprovalSummaryFields SummaryFields { get; }

    public DateTimeOffset Created { get; }

    public DateTimeOffset Modified { get; }

    public string Name { get; }

    public string Description { get; }

    public int UnifiedJobTemplate { get; }

    public string LaunchType => JobLauncher.Workflow;

    public JobStatus Status { get; }

    public bool Failed { get; }

    public DateTimeOffset? Started { get; }

    public DateTimeOffset? Finished { get; }

    public DateTimeOffset? CanceledOn { get; }

    public double Elapsed { get; }

    public string JobExplanation { get; }

    public bool CanApproveOrDeny { get; }

    public DateTimeOffset? ApprovalExpiration { get; }

    public bool TimedOut { get; }
}

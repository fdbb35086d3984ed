using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>AWX's WorkflowJobSerializer. Launch answers with it too, after <c>workflow_job</c> and <c>ignored_fields</c>.</summary>
internal class WorkflowJobResource
{
    public WorkflowJobResource(EmulatedWorkflowJob workflowJob, DateTimeOffset now)
    {
        var state = workflowJob.State;
        var template = workflowJob.Template;
        Id = workflowJob.Id;
        Url = AwxUrls.WorkflowJob(workflowJob.Id);
        Related = RelatedOf(workflowJob);
        SummaryFields = new WorkflowJobSummaryFields(
            CatalogSummaries.Organization,
            new ObjectSummary(template.Id, template.Name, template.Description),
            new UnifiedJobTemplateSummary(template.Id, template.Name, template.Description, "workflow_job"),
            CatalogSummaries.Admin,
            new JobUserCapabilities(Delete: true, Start: true),
            LabelsSummary.None,
            SourceWorkflowJobSummary.Of(workflowJob.SourceWorkflowJob, now));
        Created = workflowJob.Created;
        Modified = state.Modified;
        Name = template.Name;
        Description = template.Description;
        UnifiedJobTemplate = template.Id;
        LaunchType = workflowJob.LaunchType;
        Status = state.Status;
        Failed = state.Status.CountsAsFailed();
        Started = state.Started;
        Finished = state.Finished;
        CanceledOn = state.CanceledOn;
        Elapsed = UnifiedJobElapsed.Of(state.Started, state.Finished, now);
        JobExplanation = state.JobExplanation;
        WorkflowJobTemplate = template.Id;
        ExtraVars = workflowJob.ExtraVars.GetRawText();
    }

    public int Id { get; }

    public string Type => "workflow_job";

    public string Url { get; }

    public IReadOnlyDictionary<string, string> Related { get; }

    public WorkflowJobSummaryFields SummaryFields { get; }

    public DateTimeOffset Created { get; }

    public DateTimeOffset Modified { get; }

    public string Name { get; }

    public string Description { get; }

    public int UnifiedJobTemplate { get; }

    public string LaunchType { get; }

    public JobStatus Status { get; }

    public bool Failed { get; }

    public DateTimeOffset? Started { get; }

    public DateTimeOffset? Finished { get; }

    public DateTimeOffset? CanceledOn { get; }

    public double Elapsed { get; }

    public string JobArgs => "";

    public string JobCwd => "";

    public IReadOnlyDictionary<string, string> JobEnv { get; } = new Dictionary<string, string>();

    public string JobExplanation { get; }

    public string ResultTraceback => "";

    public LaunchedBy LaunchedBy => CatalogSummaries.LaunchedByAdmin;

    public string? WorkUnitId => null;

    public int WorkflowJobTemplate { get; }

    public string ExtraVars { get; }

    public bool AllowSimultaneous => true;

    public int? JobTemplate => null;

    public bool IsSlicedJob => false;

    public int? Inventory => null;

    public string? Limit => null;

    public string? ScmBranch => null;

    public string WebhookService => "";

    public int? WebhookCredential => null;

    public string WebhookGuid => "";

    public string? SkipTags => null;

    public string? JobTags => null;

    private static Dictionary<string, string> RelatedOf(EmulatedWorkflowJob workflowJob)
    {
        const string collection = "workflow_jobs";
        var id = workflowJob.Id;
        var related = new Dictionary<string, string>
        {
            ["created_by"] = AwxUrls.User(CatalogSummaries.AdminUserId),
            ["unified_job_template"] = AwxUrls.WorkflowJobTemplate(workflowJob.Template.Id),
            ["workflow_job_template"] = AwxUrls.WorkflowJobTemplate(workflowJob.Template.Id),
            ["notifications"] = AwxUrls.Path(collection, id, "notifications"),
            ["workflow_nodes"] = AwxUrls.Path(collection, id, "workflow_nodes"),
            ["labels"] = AwxUrls.Path(collection, id, "labels"),
            ["activity_stream"] = AwxUrls.Path(collection, id, "activity_stream"),
            ["relaunch"] = AwxUrls.Path(collection, id, "relaunch"),
            ["cancel"] = AwxUrls.Path(collection, id, "cancel"),
        };
        if (workflowJob.SourceWorkflowJob is { } source)
        {
            related["source_workflow_job"] = AwxUrls.WorkflowJob(source.Id);
        }
        return related;
    }
}

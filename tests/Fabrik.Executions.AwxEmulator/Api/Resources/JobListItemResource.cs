using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Catalog;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>
/// AWX's JobListSerializer fields. <see cref="JobResource"/> adds what the list leaves out and
/// <see cref="JobDetailResource"/> what only the detail view shows, as AWX's serializer classes do.
/// </summary>
internal class JobListItemResource
{
    public JobListItemResource(JobView view)
    {
        var job = view.Job;
        var state = view.State;
        var inventory = job.Request.InventoryId is { } inventoryId
            ? new InventoryReference(inventoryId, $"Inventory {inventoryId}")
            : job.Template.Inventory;
        Id = job.Id;
        Url = AwxUrls.Job(job.Id);
        Related = RelatedOf(job.Id, job.Template.Id, inventory.Id);
        if (job.SourceWorkflowJob is { } sourceWorkflowJob)
        {
            Related["source_workflow_job"] = AwxUrls.WorkflowJob(sourceWorkflowJob.Id);
        }
        SummaryFields = new JobSummaryFields(
            CatalogSummaries.Organization,
            CatalogSummaries.Inventory(inventory),
            CatalogSummaries.ExecutionEnvironment,
            CatalogSummaries.Project,
            new ObjectSummary(job.Template.Id, job.Template.Name, job.Template.Description),
            new UnifiedJobTemplateSummary(job.Template.Id, job.Template.Name, job.Template.Description, "job"),
            CatalogSummaries.InstanceGroup,
            CatalogSummaries.Admin,
            new JobUserCapabilities(Delete: true, Start: true),
            LabelsSummary.None,
            job.Request.CredentialIds.Select(CatalogSummaries.Credential).ToList())
        {
            SourceWorkflowJob = SourceWorkflowJobSummary.Of(job.SourceWorkflowJob, view.Now),
        };
        Created = job.Created;
        Modified = state.Modified;
        Name = job.Template.Name;
        Description = job.Template.Description;
        Inventory = inventory.Id;
        Playbook = job.Template.Engine.Playbook;
        Limit = job.Request.Limit;
        ExtraVars = job.Request.ExtraVars.GetRawText();
        UnifiedJobTemplate = job.Template.Id;
        LaunchType = job.LaunchType;
        Status = state.Status;
        Failed = state.Status.CountsAsFailed();
        Started = state.Started;
        Finished = state.Finished;
        CanceledOn = state.CanceledOn;
        Elapsed = view.Elapsed;
        JobExplanation = state.JobExplanation;
        ExecutionNode = state.ExecutionNode;
        JobTemplate = job.Template.Id;
        Artifacts = state.Artifacts;
    }

    public int Id { get; }

    public string Type => "job";

    public string Url { get; }

    public Dictionary<string, string> Related { get; }

    public JobSummaryFields SummaryFields { get; }

    public DateTimeOffset Created { get; }

    public DateTimeOffset Modified { get; }

    public string Name { get; }

    public string Description { get; }

    public string JobType => "run";

    public int Inventory { get; }

    public int Project => CatalogSummaries.ProjectId;

    public string Playbook { get; }

    public string ScmBranch => "";

    public int Forks => 0;

    public string Limit { get; }

    public int Verbosity => 0;

    public string ExtraVars { get; }

    public string JobTags => "";

    public bool ForceHandlers => false;

    public string SkipTags => "";

    public string StartAtTask => "";

    public int Timeout => 0;

    public bool UseFactCache => false;

    public int Organization => CatalogSummaries.OrganizationId;

    public int UnifiedJobTemplate { get; }

    public string LaunchType { get; }

    public JobStatus Status { get; }

    public int ExecutionEnvironment => CatalogSummaries.ExecutionEnvironmentId;

    public bool Failed { get; }

    public DateTimeOffset? Started { get; }

    public DateTimeOffset? Finished { get; }

    public DateTimeOffset? CanceledOn { get; }

    public double Elapsed { get; }

    public string JobExplanation { get; }

    public string ExecutionNode { get; }

    public string ControllerNode => "";

    public LaunchedBy LaunchedBy => CatalogSummaries.LaunchedByAdmin;

    public string? WorkUnitId => null;

    public int JobTemplate { get; }

    public IReadOnlyList<string> PasswordsNeededToStart => [];

    public bool AllowSimultaneous => true;

    public JsonElement Artifacts { get; }

    public string ScmRevision => "";

    public int InstanceGroup => CatalogSummaries.InstanceGroupId;

    public bool DiffMode => false;

    public int JobSliceNumber => 0;

    public int JobSliceCount => 1;

    public string WebhookService => "";

    public int? WebhookCredential => null;

    public string WebhookGuid => "";

    private static Dictionary<string, string> RelatedOf(int jobId, int templateId, int inventoryId) => new()
    {
        ["created_by"] = AwxUrls.User(CatalogSummaries.AdminUserId),
        ["labels"] = AwxUrls.Path("jobs", jobId, "labels"),
        ["inventory"] = AwxUrls.Inventory(inventoryId),
        ["project"] = AwxUrls.Project(CatalogSummaries.ProjectId),
        ["organization"] = AwxUrls.Organization(CatalogSummaries.OrganizationId),
        ["credentials"] = AwxUrls.Path("jobs", jobId, "credentials"),
        ["unified_job_template"] = AwxUrls.JobTemplate(templateId),
        ["stdout"] = AwxUrls.Path("jobs", jobId, "stdout"),
        ["execution_environment"] = AwxUrls.ExecutionEnvironment(CatalogSummaries.ExecutionEnvironmentId),
        ["job_events"] = AwxUrls.Path("jobs", jobId, "job_events"),
        ["job_host_summaries"] = AwxUrls.Path("jobs", jobId, "job_host_summaries"),
        ["activity_stream"] = AwxUrls.Path("jobs", jobId, "activity_stream"),
        ["notifications"] = AwxUrls.Path("jobs", jobId, "notifications"),
        ["create_schedule"] = AwxUrls.Path("jobs", jobId, "create_schedule"),
        ["job_template"] = AwxUrls.JobTemplate(templateId),
        ["cancel"] = AwxUrls.Path("jobs", jobId, "cancel"),
        ["relaunch"] = AwxUrls.Path("jobs", jobId, "relaunch"),
    };
}

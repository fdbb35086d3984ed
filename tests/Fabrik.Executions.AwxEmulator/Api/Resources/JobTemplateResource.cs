using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Catalog;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>AWX's JobTemplateSerializer fields. The emulator prompts for variables, limit, inventory and credentials only.</summary>
internal sealed record JobTemplateResource
{
    public required int Id { get; init; }

    public string Type { get; init; } = "job_template";

    public required string Url { get; init; }

    public required IReadOnlyDictionary<string, string> Related { get; init; }

    public required JobTemplateSummaryFields SummaryFields { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Modified { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required DateTimeOffset? LastJobRun { get; init; }

    public required bool LastJobFailed { get; init; }

    public DateTimeOffset? NextJobRun { get; init; }

    public required string Status { get; init; }

    public required int ExecutionEnvironment { get; init; }

    public string JobType { get; init; } = "run";

    public required int Inventory { get; init; }

    public required int Project { get; init; }

    public required string Playbook { get; init; }

    public string ScmBranch { get; init; } = "";

    public int Forks { get; init; }

    public string Limit { get; init; } = "";

    public int Verbosity { get; init; }

    public string ExtraVars { get; init; } = "";

    public string JobTags { get; init; } = "";

    public bool ForceHandlers { get; init; }

    public string SkipTags { get; init; } = "";

    public string StartAtTask { get; init; } = "";

    public int Timeout { get; init; }

    public bool UseFactCache { get; init; }

    public required int Organization { get; init; }

    public string HostConfigKey { get; init; } = "";

    public bool AskScmBranchOnLaunch { get; init; }

    public bool AskDiffModeOnLaunch { get; init; }

    public bool AskVariablesOnLaunch { get; init; } = true;

    public bool AskLimitOnLaunch { get; init; } = true;

    public bool AskTagsOnLaunch { get; init; }

    public bool AskSkipTagsOnLaunch { get; init; }

    public bool AskJobTypeOnLaunch { get; init; }

    public bool AskVerbosityOnLaunch { get; init; }

    public bool AskInventoryOnLaunch { get; init; } = true;

    public bool AskCredentialOnLaunch { get; init; } = true;

    public bool AskExecutionEnvironmentOnLaunch { get; init; }

    public bool AskLabelsOnLaunch { get; init; }

    public bool AskForksOnLaunch { get; init; }

    public bool AskJobSliceCountOnLaunch { get; init; }

    public bool AskTimeoutOnLaunch { get; init; }

    public bool AskInstanceGroupsOnLaunch { get; init; }

    public bool SurveyEnabled { get; init; }

    public bool BecomeEnabled { get; init; }

    public bool DiffMode { get; init; }

    public bool AllowSimultaneous { get; init; } = true;

    public string? CustomVirtualenv { get; init; }

    public int JobSliceCount { get; init; } = 1;

    public string WebhookService { get; init; } = "";

    public int? WebhookCredential { get; init; }

    public string WebhookKey { get; init; } = "";

    public bool PreventInstanceGroupFallback { get; init; }

    public static JobTemplateResource Of(JobTemplateDefinition template, IReadOnlyList<EmulatedJob> jobs)
    {
        var lastJob = jobs.Count > 0 ? jobs[^1] : null;
        var lastState = lastJob?.State;
        return new JobTemplateResource
        {
            Id = template.Id,
            Url = AwxUrls.JobTemplate(template.Id),
            Related = RelatedOf(template, lastJob),
            SummaryFields = new JobTemplateSummaryFields
            {
                Organization = CatalogSummaries.Organization,
                Inventory = CatalogSummaries.Inventory(template.Inventory),
                ExecutionEnvironment = CatalogSummaries.ExecutionEnvironment,
                Project = CatalogSummaries.Project,
                LastJob = lastJob is null ? null : new LastJobSummary(
                    lastJob.Id, template.Name, template.Description, lastState!.Finished, lastState.Status, lastState.Status.CountsAsFailed()),
                LastUpdate = lastJob is null ? null : new LastUpdateSummary(
                    lastJob.Id, template.Name, template.Description, lastState!.Status, lastState.Status.CountsAsFailed()),
                CreatedBy = CatalogSummaries.Admin,
                ModifiedBy = CatalogSummaries.Admin,
                ObjectRoles = new ObjectRolesSummary(
                    new RoleSummary("Can manage all aspects of the job template", "Admin", (template.Id * 10) + 1),
                    new RoleSummary("May run the job template", "Execute", (template.Id * 10) + 2),
                    new RoleSummary("May view settings for the job template", "Read", (template.Id * 10) + 3)),
                UserCapabilities = new TemplateUserCapabilities(Edit: true, Delete: true, Start: true, Schedule: true, Copy: true),
                Labels = LabelsSummary.None,
                RecentJobs = jobs.Reverse().Take(10).Select(RecentJobOf).ToList(),
                Credentials = [],
                ResolvedEnvironment = CatalogSummaries.ExecutionEnvironment,
            },
            Created = template.Created,
            Modified = template.Created,
            Name = template.Name,
            Description = template.Description,
            LastJobRun = lastState?.Finished,
            LastJobFailed = lastState?.Status.CountsAsFailed() ?? false,
            Status = lastState is null ? "never updated" : JsonNamingPolicy.SnakeCaseLower.ConvertName(lastState.Status.ToString()),
            ExecutionEnvironment = CatalogSummaries.ExecutionEnvironmentId,
            Inventory = template.Inventory.Id,
            Project = CatalogSummaries.ProjectId,
            Playbook = template.Engine.Playbook,
            Organization = CatalogSummaries.OrganizationId,
        };
    }

    private static RecentJobSummary RecentJobOf(EmulatedJob job)
    {
        var state = job.State;
        return new RecentJobSummary(job.Id, state.Status, state.Finished, state.CanceledOn, "job");
    }

    private static Dictionary<string, string> RelatedOf(JobTemplateDefinition template, EmulatedJob? lastJob)
    {
        var id = template.Id;
        var related = new Dictionary<string, string>
        {
            ["named_url"] = $"{AwxUrls.Root}/job_templates/{template.Name}++{CatalogSummaries.Organization.Name}/",
            ["created_by"] = AwxUrls.User(CatalogSummaries.AdminUserId),
            ["modified_by"] = AwxUrls.User(CatalogSummaries.AdminUserId),
            ["labels"] = AwxUrls.Path("job_templates", id, "labels"),
            ["inventory"] = AwxUrls.Inventory(template.Inventory.Id),
            ["project"] = AwxUrls.Project(CatalogSummaries.ProjectId),
            ["organization"] = AwxUrls.Organization(CatalogSummaries.OrganizationId),
            ["credentials"] = AwxUrls.Path("job_templates", id, "credentials"),
            ["jobs"] = AwxUrls.Path("job_templates", id, "jobs"),
            ["schedules"] = AwxUrls.Path("job_templates", id, "schedules"),
            ["activity_stream"] = AwxUrls.Path("job_templates", id, "activity_stream"),
            ["launch"] = AwxUrls.Path("job_templates", id, "launch"),
            ["webhook_key"] = AwxUrls.Path("job_templates", id, "webhook_key"),
            ["webhook_receiver"] = "",
            ["notification_templates_started"] = AwxUrls.Path("job_templates", id, "notification_templates_started"),
            ["notification_templates_success"] = AwxUrls.Path("job_templates", id, "notification_templates_success"),
            ["notification_templates_error"] = AwxUrls.Path("job_templates", id, "notification_templates_error"),
            ["access_list"] = AwxUrls.Path("job_templates", id, "access_list"),
            ["survey_spec"] = AwxUrls.Path("job_templates", id, "survey_spec"),
            ["object_roles"] = AwxUrls.Path("job_templates", id, "object_roles"),
            ["instance_groups"] = AwxUrls.Path("job_templates", id, "instance_groups"),
            ["slice_workflow_jobs"] = AwxUrls.Path("job_templates", id, "slice_workflow_jobs"),
            ["copy"] = AwxUrls.Path("job_templates", id, "copy"),
            ["execution_environment"] = AwxUrls.ExecutionEnvironment(CatalogSummaries.ExecutionEnvironmentId),
        };
        if (lastJob is not null)
        {
            related["last_job"] = AwxUrls.Job(lastJob.Id);
        }
        return related;
    }
}

using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>AWX's WorkflowJobTemplateSerializer (shared/awx-samples/data.workflow_job_template.json).</summary>
internal sealed record WorkflowJobTemplateResource
{
    public required int Id { get; init; }

    public string Type => "workflow_job_template";

    public required string Url { get; init; }

    public required IReadOnlyDictionary<string, string> Related { get; init; }

    public required WorkflowTemplateSummaryFields SummaryFields { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Modified { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required DateTimeOffset? LastJobRun { get; init; }

    public required bool LastJobFailed { get; init; }

    public DateTimeOffset? NextJobRun => null;

    public required string Status { get; init; }

    public required string ExtraVars { get; init; }

    public int Organization => CatalogSummaries.OrganizationId;

    public bool SurveyEnabled => false;

    public bool AllowSimultaneous => true;

    public bool AskVariablesOnLaunch => true;

    public int? Inventory => null;

    public string? Limit => null;

    public string? ScmBranch => null;

    public bool AskInventoryOnLaunch => false;

    public bool AskScmBranchOnLaunch => false;

    public bool AskLimitOnLaunch => false;

    public string WebhookService => "";

    public int? WebhookCredential => null;

    public bool AskLabelsOnLaunch => false;

    public bool AskSkipTagsOnLaunch => false;

    public bool AskTagsOnLaunch => false;

    public string? SkipTags => null;

    public string? JobTags => null;

    public static WorkflowJobTemplateResource Of(WorkflowTemplate template, IReadOnlyList<EmulatedWorkflowJob> workflowJobs)
    {
        var lastJob = workflowJobs.Count > 0 ? workflowJobs[^1] : null;
        var lastState = lastJob?.State;
        var roleBase = template.Id * 10;
        return new WorkflowJobTemplateResource
        {
            Id = template.Id,
            Url = AwxUrls.WorkflowJobTemplate(template.Id),
            Related = RelatedOf(template, lastJob),
            SummaryFields = new WorkflowTemplateSummaryFields
            {
                Organization = CatalogSummaries.Organization,
                LastJob = lastJob is null ? null : new LastJobSummary(
                    lastJob.Id, template.Name, template.Description, lastState!.Finished, lastState.Status, lastState.Status.CountsAsFailed()),
                LastUpdate = lastJob is null ? null : new LastUpdateSummary(
                    lastJob.Id, template.Name, template.Description, lastState!.Status, lastState.Status.CountsAsFailed()),
                CreatedBy = CatalogSummaries.Admin,
                ModifiedBy = CatalogSummaries.Admin,
                ObjectRoles = new WorkflowObjectRolesSummary(
                    new RoleSummary("Can manage all aspects of the workflow job template", "Admin", roleBase + 1),
                    new RoleSummary("May run the workflow job template", "Execute", roleBase + 2),
                    new RoleSummary("May view settings for the workflow job template", "Read", roleBase + 3),
                    new RoleSummary("Can approve or deny a workflow approval node", "Approve", roleBase + 4)),
                UserCapabilities = new TemplateUserCapabilities(Edit: true, Delete: true, Start: true, Schedule: true, Copy: true),
                Labels = LabelsSummary.None,
                RecentJobs = workflowJobs.Reverse().Take(10).Select(RecentJobOf).ToList(),
            },
            Created = template.Created,
            Modified = template.Created,
            Name = template.Name,
            Description = template.Description,
            LastJobRun = lastState?.Finished,
            LastJobFailed = lastState?.Status.CountsAsFailed() ?? false,
            Status = lastState is null ? "never updated" : JsonNamingPolicy.SnakeCaseLower.ConvertName(lastState.Status.ToString()),
            ExtraVars = template.ExtraVars.EnumerateObject().Any() ? template.ExtraVars.GetRawText() : "",
        };
    }

    private static RecentJobSummary RecentJobOf(EmulatedWorkflowJob workflowJob)
    {
        var state = workflowJob.State;
        return new RecentJobSummary(workflowJob.Id, state.Status, state.Finished, state.CanceledOn, "workflow_job");
    }

    private static Dictionary<string, string> RelatedOf(WorkflowTemplate template, EmulatedWorkflowJob? lastJob)
    {
        const string collection = "workflow_job_templates";
        var id = template.Id;
        var related = new Dictionary<string, string>
        {
            ["named_url"] = $"{AwxUrls.Root}/{collection}/{template.Name}++{CatalogSummaries.Organization.Name}/",
            ["created_by"] = AwxUrls.User(CatalogSummaries.AdminUserId),
            ["modified_by"] = AwxUrls.User(CatalogSummaries.AdminUserId),
            ["workflow_jobs"] = AwxUrls.Path(collection, id, "workflow_jobs"),
            ["schedules"] = AwxUrls.Path(collection, id, "schedules"),
            ["launch"] = AwxUrls.Path(collection, id, "launch"),
            ["webhook_key"] = AwxUrls.Path(collection, id, "webhook_key"),
            ["webhook_receiver"] = "",
            ["workflow_nodes"] = AwxUrls.Path(collection, id, "workflow_nodes"),
            ["labels"] = AwxUrls.Path(collection, id, "labels"),
            ["activity_stream"] = AwxUrls.Path(collection, id, "activity_stream"),
            ["notification_templates_started"] = AwxUrls.Path(collection, id, "notification_templates_started"),
            ["notification_templates_success"] = AwxUrls.Path(collection, id, "notification_templates_success"),
            ["notification_templates_error"] = AwxUrls.Path(collection, id, "notification_templates_error"),
            ["notification_templates_approvals"] = AwxUrls.Path(collection, id, "notification_templates_approvals"),
            ["access_list"] = AwxUrls.Path(collection, id, "access_list"),
            ["object_roles"] = AwxUrls.Path(collection, id, "object_roles"),
            ["survey_spec"] = AwxUrls.Path(collection, id, "survey_spec"),
            ["copy"] = AwxUrls.Path(collection, id, "copy"),
            ["organization"] = AwxUrls.Organization(CatalogSummaries.OrganizationId),
        };
        if (lastJob is not null)
        {
            related["last_job"] = AwxUrls.WorkflowJob(lastJob.Id);
        }
        return related;
    }
}

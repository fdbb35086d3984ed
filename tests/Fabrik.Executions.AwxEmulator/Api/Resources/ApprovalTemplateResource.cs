using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>AWX's WorkflowApprovalTemplateSerializer.</summary>
internal sealed class ApprovalTemplateResource(ApprovalTemplate template)
{
    public int Id { get; } = template.Id;

    public string Type => "workflow_approval_template";

    public string Url { get; } = AwxUrls.ApprovalTemplate(template.Id);

    public IReadOnlyDictionary<string, string> Related { get; } = new Dictionary<string, string>
    {
        ["created_by"] = AwxUrls.User(CatalogSummaries.AdminUserId),
        ["modified_by"] = AwxUrls.User(CatalogSummaries.AdminUserId),
        ["jobs"] = AwxUrls.Path("workflow_approval_templates", template.Id, "approvals"),
    };

    public DateTimeOffset Created { get; } = template.Created;

    public DateTimeOffset Modified { get; } = template.Created;

    public string Name { get; } = template.Name;

    public string Description { get; } = template.Description;

    public DateTimeOffset? LastJobRun => null;

    public bool LastJobFailed => false;

    public DateTimeOffset? NextJobRun => null;

    public string Status => "never updated";

    public int? ExecutionEnvironment => null;

    public int Timeout { get; } = template.Timeout;
}

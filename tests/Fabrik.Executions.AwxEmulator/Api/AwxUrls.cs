using System.Globalization;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>AWX's resource paths, always relative and with the trailing slash.</summary>
internal static class AwxUrls
{
    public const string Root = "/api/v2";

    public static string JobTemplate(int id) => Path("job_templates", id);

    public static string Job(int id) => Path("jobs", id);

    public static string WorkflowJobTemplate(int id) => Path("workflow_job_templates", id);

    public static string WorkflowTemplateNode(int id) => Path("workflow_job_template_nodes", id);

    public static string WorkflowJob(int id) => Path("workflow_jobs", id);

    public static string WorkflowJobNode(int id) => Path("workflow_job_nodes", id);

    public static string WorkflowApproval(int id) => Path("workflow_approvals", id);

    public static string ApprovalTemplate(int id) => Path("workflow_approval_templates", id);

    public static string JobEvent(long id) => Path("job_events", id);

    public static string JobHostSummary(long id) => Path("job_host_summaries", id);

    public static string Host(int id) => Path("hosts", id);

    public static string Inventory(int id) => Path("inventories", id);

    public static string Project(int id) => Path("projects", id);

    public static string Organization(int id) => Path("organizations", id);

    public static string User(int id) => Path("users", id);

    public static string ExecutionEnvironment(int id) => Path("execution_environments", id);

    public static string Path(string collection, long id, string? child = null) =>
        child is null
            ? string.Create(CultureInfo.InvariantCulture, $"{Root}/{collection}/{id}/")
            : string.Create(CultureInfo.InvariantCulture, $"{Root}/{collection}/{id}/{child}/");
}

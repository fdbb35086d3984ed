using System.Text.Json;
using Refit;

namespace Fabrik.Executions.Awx;

/// <summary>The subset of AWX's <c>/api/v2/</c> this system calls.</summary>
public interface IAwxApi
{
    [Get("/api/v2/job_templates/{id}/")]
    Task<JsonElement> GetJobTemplateAsync(int id, CancellationToken cancellationToken);

    [Post("/api/v2/job_templates/{id}/launch/")]
    Task<AwxLaunchResponse> LaunchJobTemplateAsync(int id, [Body] AwxLaunchRequest request, CancellationToken cancellationToken);

    [Get("/api/v2/jobs/{id}/")]
    Task<JsonElement> GetJobAsync(long id, CancellationToken cancellationToken);

    [Get("/api/v2/jobs/{id}/job_events/")]
    Task<AwxPage<AwxJobEvent>> GetJobEventsAsync(long id, [Query] IDictionary<string, string> query, CancellationToken cancellationToken);

    [Get("/api/v2/jobs/{id}/job_host_summaries/")]
    Task<AwxPage<AwxHostSummary>> GetJobHostSummariesAsync(long id, [Query] IDictionary<string, string> query, CancellationToken cancellationToken);

    [Post("/api/v2/jobs/{id}/cancel/")]
    Task CancelJobAsync(long id, CancellationToken cancellationToken);

    [Get("/api/v2/workflow_job_templates/{id}/")]
    Task<JsonElement> GetWorkflowTemplateAsync(int id, CancellationToken cancellationToken);

    [Post("/api/v2/workflow_job_templates/{id}/copy/")]
    Task<AwxCreated> CopyWorkflowTemplateAsync(int id, [Body] AwxCopyRequest request, CancellationToken cancellationToken);

    [Delete("/api/v2/workflow_job_templates/{id}/")]
    Task DeleteWorkflowTemplateAsync(int id, CancellationToken cancellationToken);

    [Get("/api/v2/workflow_job_templates/{id}/workflow_nodes/")]
    Task<AwxPage<AwxWorkflowNode>> GetWorkflowTemplateNodesAsync(int id, [Query] IDictionary<string, string> query, CancellationToken cancellationToken);

    [Post("/api/v2/workflow_job_template_nodes/{id}/credentials/")]
    Task AddWorkflowTemplateNodeCredentialAsync(long id, [Body] AwxRelatedId credential, CancellationToken cancellationToken);

    [Delete("/api/v2/workflow_job_template_nodes/{id}/")]
    Task DeleteWorkflowTemplateNodeAsync(long id, CancellationToken cancellationToken);

    [Post("/api/v2/workflow_job_templates/{id}/launch/")]
    Task<AwxWorkflowLaunchResponse> LaunchWorkflowTemplateAsync(int id, [Body] AwxLaunchRequest request, CancellationToken cancellationToken);

    [Get("/api/v2/workflow_jobs/{id}/")]
    Task<JsonElement> GetWorkflowJobAsync(long id, CancellationToken cancellationToken);

    [Get("/api/v2/workflow_jobs/{id}/workflow_nodes/")]
    Task<AwxPage<AwxWorkflowNode>> GetWorkflowJobNodesAsync(long id, [Query] IDictionary<string, string> query, CancellationToken cancellationToken);

    [Post("/api/v2/workflow_jobs/{id}/cancel/")]
    Task CancelWorkflowJobAsync(long id, CancellationToken cancellationToken);

    [Get("/api/v2/workflow_approvals/{id}/")]
    Task<AwxWorkflowApproval> GetWorkflowApprovalAsync(long id, CancellationToken cancellationToken);

    [Post("/api/v2/workflow_approvals/{id}/approve/")]
    Task ApproveAsync(long id, CancellationToken cancellationToken);

    [Post("/api/v2/workflow_approvals/{id}/deny/")]
    Task DenyAsync(long id, CancellationToken cancellationToken);
}

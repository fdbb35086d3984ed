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
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Awx;

/// <summary>
/// AWX as this system uses it: typed reads that check AWX's shape, the job-event pages followed through AWX's
/// relative <c>next</c> links, and links into AWX's own UI.
/// </summary>
public sealed class AwxClient(IAwxApi api, IOptions<AwxOptions> options)
{
    /// <summary>AWX's cap on <c>page_size</c>; larger values are silently cut to it.</summary>
    public const int MaxPageSize = 200;

    public IAwxApi Api => api;

    public async Task<AwxJob> GetJobAsync(long id, CancellationToken cancellationToken) =>
        ReadJob(await api.GetJobAsync(id, cancellationToken), id, "job");

    /// <summary>A workflow job, in the fields it shares with a job (status, times, explanation).</summary>
    public async Task<AwxJob> GetWorkflowJobAsync(long id, CancellationToken cancellationToken) =>
        ReadJob(await api.GetWorkflowJobAsync(id, cancellationToken), id, "workflow job");

    /// <summary>Every node of a workflow job, across AWX's pages.</summary>
    public Task<IReadOnlyList<AwxWorkflowNode>> ReadWorkflowJobNodesAsync(long workflowJobId, CancellationToken cancellationToken) =>
        ReadAllAsync((query, token) => api.GetWorkflowJobNodesAsync(workflowJobId, query, token),
            $"/api/v2/workflow_jobs/{workflowJobId}/workflow_nodes/", cancellationToken);

    /// <summary>Every node of a workflow job template, across AWX's pages.</summary>
    public Task<IReadOnlyList<AwxWorkflowNode>> ReadWorkflowTemplateNodesAsync(int templateId, CancellationToken cancellationToken) =>
        ReadAllAsync((query, token) => api.GetWorkflowTemplateNodesAsync(templateId, query, token),
            $"/api/v2/workflow_job_templates/{templateId}/workflow_nodes/", cancellationToken);

    /// <summary>
    /// Pages of a job's events for <paramref name="query"/>, following <c>next</c> until AWX has no more. Each page is
    /// handed over as it arrives, so a caller can store it before asking for the next.
    /// </summary>
    public IAsyncEnumerable<IReadOnlyList<AwxJobEvent>> ReadEventPagesAsync(
        long jobId, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken) =>
        ReadPagesAsync((pageQuery, token) => api.GetJobEventsAsync(jobId, pageQuery, token), $"/api/v2/jobs/{jobId}/job_events/", query, cancellationToken);

    public Uri JobUiUrl(bool workflow, long jobId)
    {
        var root = options.Value.UiBaseUrl ?? options.Value.BaseUrl!;
        return new Uri(root, $"/#/jobs/{(workflow ? "workflow" : "playbook")}/{jobId}/output");
    }

    private static AwxJob ReadJob(JsonElement raw, long id, string kind)
    {
        AwxJob? job;
        try
        {
            job = raw.Deserialize<AwxJob>(AwxJson.Options);
        }
        catch (JsonException exception)
        {
            throw new AwxResponseException($"AWX's {kind} {id} could not be read: {exception.Message}", exception);
        }

        if (job is null || job.Id != id || string.IsNullOrEmpty(job.Status))
        {
            throw new AwxResponseException($"AWX's answer for {kind} {id} lacks its id or status.");
        }

        return job with { Raw = raw.Clone() };
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(
        Func<IDictionary<string, string>, CancellationToken, Task<AwxPage<T>>> fetch, string expectedPath, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        var query = new Dictionary<string, string>(StringComparer.Ordinal) { ["page_size"] = MaxPageSize.ToString(CultureInfo.InvariantCulture) };
        await foreach (var page in ReadPagesAsync(fetch, expectedPath, query, cancellationToken))
        {
            all.AddRange(page);
        }

        return all;
    }

    /// <summary>
    /// Pages of a list for <paramref name="query"/>, following <c>next</c> until AWX has no more. Each page is handed
    /// over as it arrives, so a caller can store it before asking for the next.
    /// </summary>
    private static async IAsyncEnumerable<IReadOnlyList<T>> ReadPagesAsync<T>(
        Func<IDictionary<string, string>, CancellationToken, Task<AwxPage<T>>> fetch, string expectedPath,
        IReadOnlyDictionary<string, string> query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageQuery = new Dictionary<string, string>(query);
        while (true)
        {
            var page = await fetch(pageQuery, cancellationToken);
            yield return page.Results;
            if (string.IsNullOrEmpty(page.Next))
            {
                yield break;
            }

            pageQuery = RelativeLink.ParseQuery(page.Next, expectedPath);
        }
    }
}

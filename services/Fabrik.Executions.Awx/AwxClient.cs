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

    public async Task<AwxJob> GetJobAsync(long id, CancellationToken cancellationToken)
    {
        var raw = await api.GetJobAsync(id, cancellationToken);
        AwxJob? job;
        try
        {
            job = raw.Deserialize<AwxJob>(AwxJson.Options);
        }
        catch (JsonException exception)
        {
            throw new AwxResponseException($"AWX's job {id} could not be read: {exception.Message}", exception);
        }

        if (job is null || job.Id != id || string.IsNullOrEmpty(job.Status))
        {
            throw new AwxResponseException($"AWX's answer for job {id} lacks its id or status.");
        }

        return job with { Raw = raw.Clone() };
    }

    /// <summary>
    /// Pages of a job's events for <paramref name="query"/>, following <c>next</c> until AWX has no more. Each page is
    /// handed over as it arrives, so a caller can store it before asking for the next.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<AwxJobEvent>> ReadEventPagesAsync(
        long jobId, IReadOnlyDictionary<string, string> query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var expectedPath = $"/api/v2/jobs/{jobId}/job_events/";
        var pageQuery = new Dictionary<string, string>(query);
        while (true)
        {
            var page = await api.GetJobEventsAsync(jobId, pageQuery, cancellationToken);
            yield return page.Results;
            if (string.IsNullOrEmpty(page.Next))
            {
                yield break;
            }

            pageQuery = RelativeLink.ParseQuery(page.Next, expectedPath);
        }
    }

    public Uri JobUiUrl(bool workflow, long jobId)
    {
        var root = options.Value.UiBaseUrl ?? options.Value.BaseUrl!;
        return new Uri(root, $"/#/jobs/{(workflow ? "workflow" : "playbook")}/{jobId}/output");
    }
}

using System.Globalization;
using System.Net;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Refit;

namespace Fabrik.Executions.ResultParser.Results;

/// <summary>
/// Finds a finished job's per-host results in the best source that has them: the playbook's artifacts, then AWX's
/// job_host_summaries, then the stored playbook_on_stats event. A source that is malformed is logged with the reason
/// and passed over, as is one that lists no host.
/// </summary>
public sealed class HostResultsReader(AwxClient awx, ExecutionResultsRepository results, ILogger<HostResultsReader> logger)
{
    /// <summary>The results of AWX job <paramref name="jobId"/>; <paramref name="job"/> is null when AWX no longer knows the job, which leaves the stored stats event.</summary>
    public async Task<ParsedHostResults> ReadAsync(Guid executionId, long jobId, AwxJob? job, CancellationToken cancellationToken)
    {
        if (job is not null)
        {
            if (Accept(HostResultsSource.Artifacts, () => ArtifactRowResults.Parse(job.Artifacts)) is { } fromArtifacts)
            {
                return fromArtifacts;
            }

            if (await ReadSummariesAsync(jobId, cancellationToken) is { } summaries
                && Accept(HostResultsSource.JobHostSummaries, () => HostSummaryResults.Map(summaries)) is { } fromSummaries)
            {
                return fromSummaries;
            }
        }

        if (await results.FindPlaybookStatsAsync(executionId, jobId, cancellationToken) is { } stats
            && Accept(HostResultsSource.PlaybookOnStats, () => PlaybookStatsResults.Parse(stats)) is { } fromStats)
        {
            return fromStats;
        }

        logger.LogInformation("No source holds per-host results of AWX job {AwxJobId}", jobId);
        return new ParsedHostResults(HostResultsSource.None, []);
    }

    private ParsedHostResults? Accept(HostResultsSource source, Func<IReadOnlyList<HostResult>?> parse)
    {
        try
        {
            var hosts = parse();
            if (hosts is null or { Count: 0 })
            {
                logger.LogDebug("{Source} holds no per-host results", source);
                return null;
            }

            return new ParsedHostResults(source, hosts.OrderBy(host => host.Host, StringComparer.Ordinal).ToList());
        }
        catch (InvalidDataException malformed)
        {
            logger.LogWarning("Per-host results in {Source} are malformed and skipped: {Reason}", source, malformed.Message);
            return null;
        }
    }

    /// <summary>Every page of the job's host summaries; null when AWX does not know the job or its pages lead elsewhere.</summary>
    private async Task<IReadOnlyList<AwxHostSummary>?> ReadSummariesAsync(long jobId, CancellationToken cancellationToken)
    {
        var path = $"/api/v2/jobs/{jobId}/job_host_summaries/";
        var query = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["page_size"] = AwxClient.MaxPageSize.ToString(CultureInfo.InvariantCulture),
            ["order_by"] = "id",
        };
        var summaries = new List<AwxHostSummary>();
        try
        {
            while (true)
            {
                var page = await awx.Api.GetJobHostSummariesAsync(jobId, query, cancellationToken);
                summaries.AddRange(page.Results);
                if (string.IsNullOrEmpty(page.Next) || page.Results.Count == 0)
                {
                    return summaries;
                }

                query = RelativeLink.ParseQuery(page.Next, path);
            }
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            logger.LogWarning("AWX does not know the host summaries of job {AwxJobId} (404); they are skipped", jobId);
            return null;
        }
        catch (AwxResponseException exception)
        {
            logger.LogWarning("AWX's host summaries of job {AwxJobId} are skipped: {Reason}", jobId, exception.Message);
            return null;
        }
    }
}

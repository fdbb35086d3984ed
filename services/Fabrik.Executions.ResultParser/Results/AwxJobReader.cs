using System.Net;
using Fabrik.Executions.Awx;
using Refit;

namespace Fabrik.Executions.ResultParser.Results;

/// <summary>Reads a finished job's (or workflow job's) detail from AWX; null when AWX no longer knows it.</summary>
public sealed partial class AwxJobReader(AwxClient awx, ILogger<AwxJobReader> logger)
{
    public Task<AwxJob?> ReadJobAsync(long jobId, CancellationToken cancellationToken) =>
        ReadAsync(() => awx.GetJobAsync(jobId, cancellationToken), "job", jobId);

    public Task<AwxJob?> ReadWorkflowJobAsync(long workflowJobId, CancellationToken cancellationToken) =>
        ReadAsync(() => awx.GetWorkflowJobAsync(workflowJobId, cancellationToken), "workflow job", workflowJobId);

    private async Task<AwxJob?> ReadAsync(Func<Task<AwxJob>> read, string kind, long id)
    {
        try
        {
            return await read();
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            LogGone(logger, kind, id);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "AWX no longer knows {Kind} {AwxJobId} (404): awx_job_data stays empty; per-host results come from what is stored")]
    private static partial void LogGone(ILogger logger, string kind, long awxJobId);
}

using System.Net;
using System.Text.Json;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.ResultParser.Results;
using Fabrik.Executions.Storage;
using MassTransit;
using Refit;

namespace Fabrik.Executions.ResultParser.Consumers;

/// <summary>
/// Stores what AWX says about a finished job (its detail verbatim, artifacts, run time) and its per-host results,
/// in one update that overwrites the previous one, so a redelivered message leaves the same row and republishing
/// the same results is harmless.
/// </summary>
public sealed class ExecutionFinishedConsumer(
    ExecutionRepository executions,
    ExecutionResultsRepository results,
    AwxClient awx,
    HostResultsReader hostResults,
    ILogger<ExecutionFinishedConsumer> logger) : IConsumer<ExecutionFinished>
{
    public async Task Consume(ConsumeContext<ExecutionFinished> context)
    {
        var finished = context.Message;
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["ExecutionId"] = finished.ExecutionId,
            ["AwxJobId"] = finished.AwxJobId,
        });

        var execution = await executions.FindAsync(finished.ExecutionId, context.CancellationToken);
        if (execution is null)
        {
            logger.LogWarning("Execution {ExecutionId} does not exist; its results are not parsed", finished.ExecutionId);
            return;
        }

        var job = await ReadJobAsync(finished.AwxJobId, context.CancellationToken);
        var parsed = await hostResults.ReadAsync(execution.Id, finished.AwxJobId, job, context.CancellationToken);
        // The database is the truth; the message's status only stands in if it arrived before the status was stored.
        var status = execution.Status.IsTerminal() ? execution.Status : finished.Status;
        var partialSuccess = HostOutcomes.IsPartialSuccess(status, parsed.Hosts);

        await results.StoreAsync(new ExecutionResultsUpdate
        {
            ExecutionId = execution.Id,
            AwxJobDataJson = job is null ? null : job.Raw.GetRawText(),
            ArtifactsJson = job?.Artifacts.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? job.Artifacts.GetRawText() : null,
            Hosts = parsed.Hosts,
            Source = parsed.Source,
            PartialSuccess = partialSuccess,
            ElapsedSeconds = job?.Elapsed,
        }, context.CancellationToken);

        await context.Publish(new ExecutionResultsParsed
        {
            ExecutionId = execution.Id,
            Status = status,
            PartialSuccess = partialSuccess,
            Hosts = parsed.Hosts,
            Source = parsed.Source,
            ElapsedSeconds = job?.Elapsed,
        }, context.CancellationToken);

        logger.LogInformation(
            "Stored results of {HostCount} hosts from {Source}; partial success {PartialSuccess}",
            parsed.Hosts.Count, parsed.Source, partialSuccess);
    }

    private async Task<AwxJob?> ReadJobAsync(long jobId, CancellationToken cancellationToken)
    {
        try
        {
            return await awx.GetJobAsync(jobId, cancellationToken);
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            logger.LogWarning(
                "AWX no longer knows job {AwxJobId} (404): awx_job_data stays empty and per-host results come from the stored stats event",
                jobId);
            return null;
        }
    }
}

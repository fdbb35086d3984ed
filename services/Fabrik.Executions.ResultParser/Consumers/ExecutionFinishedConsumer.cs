using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.ResultParser.Results;
using Fabrik.Executions.Storage;
using MassTransit;

namespace Fabrik.Executions.ResultParser.Consumers;

/// <summary>
/// Stores what AWX says about a finished job or workflow job (its detail verbatim, artifacts, run time) and its
/// per-host results, in one update that overwrites the previous one, so a redelivered message leaves the same row and
/// republishing the same results is harmless.
/// </summary>
public sealed class ExecutionFinishedConsumer(
    ExecutionRepository executions,
    ExecutionResultsRepository results,
    AwxJobReader jobs,
    HostResultsReader hostResults,
    WorkflowHostResults workflowHostResults,
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

        var workflow = execution.TemplateKind == TemplateKind.Workflow;
        var job = workflow
            ? await jobs.ReadWorkflowJobAsync(finished.AwxJobId, context.CancellationToken)
            : await jobs.ReadJobAsync(finished.AwxJobId, context.CancellationToken);
        var parsed = workflow
            ? await workflowHostResults.ReadAsync(execution.Id, context.CancellationToken)
            : await hostResults.ReadAsync(execution.Id, finished.AwxJobId, job, context.CancellationToken);
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
}

using Fabrik.Executions.Contracts;
using Fabrik.Executions.Launcher.Launching;
using Fabrik.Executions.Launcher.Relaunching;
using Fabrik.Executions.Storage;
using MassTransit;

namespace Fabrik.Executions.Launcher.Consumers;

/// <summary>
/// Creates a new execution for the same request as the one relaunched (its frozen template snapshot, extra vars,
/// inventory and credentials; all its hosts or only the failed ones) and launches it through the same path as an
/// original, never through AWX's <c>/relaunch/</c>. The proposed id makes the relaunch unique and the launch claim
/// its AWX job: a redelivered command creates and launches nothing more.
/// </summary>
public sealed partial class RelaunchExecutionConsumer(
    ExecutionRepository executions,
    ExecutionResultsRepository results,
    RelaunchRepository relaunches,
    WorkflowRepository workflows,
    IRelaunchValidator validator,
    ExecutionLaunch launch,
    ILogger<RelaunchExecutionConsumer> logger) : IConsumer<RelaunchExecution>
{
    public async Task Consume(ConsumeContext<RelaunchExecution> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;
        if (FindProblem(command) is { } problem)
        {
            await RejectAsync(context, RejectionReason.Invalid, problem);
            return;
        }

        if (await executions.FindAsync(command.ExecutionId, cancellationToken) is { } existing)
        {
            await LaunchAsync(context, existing);
            return;
        }

        var relaunched = await executions.FindAsync(command.RelaunchOf, cancellationToken);
        if (relaunched is null)
        {
            await RejectAsync(context, RejectionReason.NotFound, $"Execution {command.RelaunchOf} does not exist, so it cannot be relaunched.");
            return;
        }

        var hostResults = command.Hosts == RelaunchHosts.Failed ? await results.ReadHostResultsAsync(relaunched.Id, cancellationToken) : null;
        var plan = RelaunchPlanner.Plan(relaunched, command.Hosts, command.FromNode, hostResults);
        if (plan.Reason is { } reason)
        {
            await RejectAsync(context, reason, plan.Problem!);
            return;
        }

        string? extraVars = null;
        if (command.FromNode is { } fromNode)
        {
            var retry = await PlanRetryAsync(relaunched, fromNode, cancellationToken);
            if (retry.Problem is { } retryProblem)
            {
                await RejectAsync(context, retry.Reason, retryProblem);
                return;
            }

            extraVars = retry.ExtraVarsJson;
        }

        var proposal = new RelaunchProposal { Relaunched = relaunched, Hosts = command.Hosts, Limit = plan.Limit, RequestedBy = command.RequestedBy };
        if ((await validator.ValidateAsync(proposal, cancellationToken)).RefusalReason is { } refusal)
        {
            await RejectAsync(context, RejectionReason.Unprocessable, $"Validation refused the relaunch of execution {relaunched.Id}: {refusal}");
            return;
        }

        var stored = await relaunches.CreateAsync(new NewRelaunch
        {
            Id = command.ExecutionId,
            RelaunchOf = relaunched.Id,
            Hosts = command.Hosts,
            LimitPattern = plan.Limit,
            LaunchedBy = command.RequestedBy,
            ExtraVarsJson = extraVars,
            FromNode = command.FromNode,
        }, cancellationToken);
        if (stored is not { } relaunch)
        {
            await RejectAsync(context, RejectionReason.NotFound, $"Execution {command.RelaunchOf} does not exist, so it cannot be relaunched.");
            return;
        }

        if (relaunch.Created)
        {
            LogCreated(logger, relaunch.Execution.Id, relaunched.Id, relaunch.Execution.RelaunchCount, command.Hosts, command.RequestedBy);
        }

        await LaunchAsync(context, relaunch.Execution);
    }

    /// <summary>The retry's extra vars, once the node is known to be a failed node of the relaunched workflow itself.</summary>
    private async Task<(string? ExtraVarsJson, RejectionReason Reason, string? Problem)> PlanRetryAsync(
        ExecutionRecord relaunched, long fromNode, CancellationToken cancellationToken)
    {
        var nodes = await workflows.ListNodesAsync(relaunched.Id, cancellationToken);
        var start = nodes.FirstOrDefault(node => node.NodeId == fromNode);
        if (start is null || start.WorkflowJobId != relaunched.AwxJobId)
        {
            var nested = start is null ? "" : " It belongs to a nested workflow, which cannot run alone: retry from the node that runs that workflow.";
            return (null, RejectionReason.NotFound, $"Execution {relaunched.Id} has no node {fromNode} in its workflow to retry from.{nested}");
        }

        if (start.State is not (WorkflowNodeState.Failed or WorkflowNodeState.Error or WorkflowNodeState.Canceled))
        {
            return (null, RejectionReason.Conflict,
                $"Node {fromNode} ({start.Name}) of execution {relaunched.Id} is {DatabaseText.From(start.State)}; "
                + "retry from a node that failed, errored or was canceled.");
        }

        return (WorkflowRetry.ExtraVars(relaunched.ExtraVars, nodes, WorkflowRetry.FromNode(nodes, start)), RejectionReason.Invalid, null);
    }

    private async Task LaunchAsync(ConsumeContext<RelaunchExecution> context, ExecutionRecord execution)
    {
        if (execution.RelaunchOf != context.Message.RelaunchOf)
        {
            await RejectAsync(context, RejectionReason.Invalid,
                $"execution_id {execution.Id} is already the id of another execution, not of a relaunch of {context.Message.RelaunchOf}.");
            return;
        }

        await context.RespondAsync(await launch.LaunchOnceAsync(context, execution));
    }

    private Task RejectAsync(ConsumeContext<RelaunchExecution> context, RejectionReason reason, string detail)
    {
        LogRejected(logger, context.Message.RelaunchOf, reason, detail);
        return context.RespondAsync(LauncherMessages.Rejected(context.Message.RelaunchOf, reason, detail));
    }

    private static string? FindProblem(RelaunchExecution command)
    {
        if (command.RelaunchOf == Guid.Empty)
        {
            return "relaunch_of is required.";
        }

        if (command.ExecutionId == command.RelaunchOf)
        {
            return "execution_id must be a new id, not the id of the execution relaunched.";
        }

        if (command.FromNode is <= 0)
        {
            return $"from_node must be a positive AWX workflow node id, not {command.FromNode}.";
        }

        return Enum.IsDefined(command.Hosts)
            ? OperatorCommandValidator.FindProblem(command.ExecutionId, command.RequestedBy)
            : $"hosts must be all or failed, not {(int)command.Hosts}.";
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Execution {ExecutionId} created as relaunch {RelaunchCount} of {RelaunchOf} on {Hosts} hosts, asked by {RequestedBy}")]
    private static partial void LogCreated(ILogger logger, Guid executionId, Guid relaunchOf, short relaunchCount, RelaunchHosts hosts, string requestedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Relaunch of {RelaunchOf} rejected as {Reason}: {Detail}")]
    private static partial void LogRejected(ILogger logger, Guid relaunchOf, RejectionReason reason, string detail);
}

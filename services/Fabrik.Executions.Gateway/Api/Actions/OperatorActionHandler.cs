using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Gateway.Api.Workflows;
using Fabrik.Executions.Gateway.Auth;
using Fabrik.Executions.Storage;
using MassTransit;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Gateway.Api.Actions;

/// <summary>
/// Cancel, bulk cancel, relaunch and approval decisions: each checks the request, asks the Launcher as the caller, and
/// answers what the Launcher did, or why it did nothing. None takes query parameters.
/// </summary>
public sealed class OperatorActionHandler(
    IRequestClient<CancelExecution> cancels,
    IRequestClient<RelaunchExecution> relaunches,
    IRequestClient<DecideApproval> decisions,
    ExecutionRepository executions,
    WorkflowRepository workflows,
    IOptions<JsonOptions> json,
    IOptions<GatewayOptions> options,
    ILogger<OperatorActionHandler> logger)
{
    public static readonly AcceptedQuery Accepted = AcceptedQuery.Of();

    private int TimeoutSeconds => options.Value.CommandTimeoutSeconds;

    /// <summary>
    /// <c>POST /api/v1/executions/{id}/cancel</c>: 200 with the execution when it was canceled outright (never
    /// launched), 202 when AWX was asked and stops the job at its next task boundary; the poller then follows the job
    /// to <c>canceled</c>.
    /// </summary>
    public async Task<IResult> CancelAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var input = await ReadAsync<CancelBody>(request, id, CancelBody.Fields, bodyOptional: true, cancellationToken);
        if (input.Problem is not null)
        {
            return input.Problem;
        }

        var command = new CancelExecution { ExecutionId = input.ExecutionId, RequestedBy = CallerName(request) };
        var answer = await LauncherCommand.AskAsync(cancels, command, input.ExecutionId, TimeoutSeconds, logger, cancellationToken);
        return await AnswerAsync(answer, ActionProblems.CancelNotAnswered(TimeoutSeconds), execution => execution.Status == ExecutionStatus.Canceled
            ? TypedResults.Ok(ItemOf(execution))
            : TypedResults.Accepted(ExecutionsApi.PathOf(execution.Id), ItemOf(execution)), cancellationToken);
    }

    /// <summary><c>POST /api/v1/executions/cancel</c>: every execution of <c>ids</c> canceled at once; 200 with what became of each, in order.</summary>
    public async Task<IResult> CancelManyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var input = await ReadAsync<CancelManyBody>(request, id: null, CancelManyBody.Fields, bodyOptional: false, cancellationToken);
        var errors = new FieldErrors();
        if (input.Problem is not null || input.Body!.Check(errors) is not { } ids)
        {
            return input.Problem ?? errors.ToProblem();
        }

        var requestedBy = CallerName(request);
        var outcomes = await Task.WhenAll(ids.Select(async id =>
        {
            var command = new CancelExecution { ExecutionId = id, RequestedBy = requestedBy };
            return CancelOutcome.From(id, await LauncherCommand.AskAsync(cancels, command, id, TimeoutSeconds, logger, cancellationToken), TimeoutSeconds);
        }));
        return TypedResults.Ok(new ItemResponse<IReadOnlyList<CancelOutcome>>(outcomes));
    }

    /// <summary>
    /// <c>POST /api/v1/executions/{id}/relaunch</c> with <c>{ "hosts": "all"|"failed" }</c>: 202 with the new execution
    /// of the same request, launched as the caller; <c>GET /api/v1/executions/{id}/chain</c> walks the chain.
    /// </summary>
    public async Task<IResult> RelaunchAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var input = await ReadAsync<RelaunchBody>(request, id, RelaunchBody.Fields, bodyOptional: false, cancellationToken);
        var errors = new FieldErrors();
        if (input.Problem is not null || input.Body?.Check(errors) is not var (hosts, fromNode))
        {
            return input.Problem ?? errors.ToProblem();
        }

        var command = new RelaunchExecution
        {
            ExecutionId = Guid.CreateVersion7(),
            RelaunchOf = input.ExecutionId,
            Hosts = hosts,
            FromNode = fromNode,
            RequestedBy = CallerName(request),
        };
        var answer = await LauncherCommand.AskAsync(relaunches, command, input.ExecutionId, TimeoutSeconds, logger, cancellationToken);
        return await AnswerAsync(answer, ActionProblems.RelaunchNotAnswered(TimeoutSeconds, input.ExecutionId),
            relaunch => TypedResults.Accepted(ExecutionsApi.PathOf(relaunch.Id), ItemOf(relaunch)), cancellationToken);
    }

    /// <summary>
    /// <c>POST /api/v1/executions/{id}/approvals/{approval_id}/approve</c> (or <c>/deny</c>) with <c>{ "comment" }</c>:
    /// the Launcher passes the decision on to AWX as the caller; 200 with the approval and the decision recorded. A
    /// second decision is 409 with who made the first.
    /// </summary>
    public async Task<IResult> DecideApprovalAsync(string id, string approvalId, bool approve, HttpRequest request, CancellationToken cancellationToken)
    {
        var input = await ReadAsync<ApprovalBody>(request, id, ApprovalBody.Fields, bodyOptional: true, cancellationToken);
        var errors = new FieldErrors();
        var approval = ApprovalBody.ParseApprovalId(approvalId, errors);
        input.Body?.Check(errors);
        if (input.Problem is not null || errors.Any)
        {
            return input.Problem ?? errors.ToProblem();
        }

        var command = new DecideApproval
        {
            ExecutionId = input.ExecutionId,
            ApprovalId = approval,
            Approve = approve,
            Comment = input.Body?.Comment,
            DecidedBy = CallerName(request),
        };
        var answer = await LauncherCommand.AskAsync(decisions, command, input.ExecutionId, TimeoutSeconds, logger, cancellationToken);
        if (answer.Rejected is { } rejected)
        {
            return ApiProblems.Rejected(rejected);
        }

        if (answer.Accepted is null)
        {
            return ActionProblems.DecisionNotAnswered(TimeoutSeconds);
        }

        var decided = await workflows.FindApprovalAsync(input.ExecutionId, approval, cancellationToken)
                      ?? throw new InvalidOperationException($"The Launcher decided approval {approval} of execution {input.ExecutionId} but it is not stored.");
        return TypedResults.Ok(new ItemResponse<WorkflowApprovalResource>(WorkflowApprovalResource.From(decided)));
    }

    /// <summary>
    /// The <c>{id}</c> (when the route has one), the query and the body, with one problem for all that is wrong. An
    /// optional body (no field required) may be left out altogether.
    /// </summary>
    private async Task<ActionInput<TBody>> ReadAsync<TBody>(
        HttpRequest request, string? id, IReadOnlyList<BodyField> fields, bool bodyOptional, CancellationToken cancellationToken)
        where TBody : class
    {
        var errors = new FieldErrors();
        var executionId = id is null ? Guid.Empty : ExecutionIdParameter.Parse(id, errors);
        QueryReader.Open(request.Query, Accepted, errors);
        if (errors.Any)
        {
            return new ActionInput<TBody>(executionId, null, errors.ToProblem());
        }

        if (bodyOptional && request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: true })
        {
            return new ActionInput<TBody>(executionId, null, null);
        }

        var body = await JsonBodyReader.ReadAsync<TBody>(request, json.Value.SerializerOptions, fields, cancellationToken);
        return new ActionInput<TBody>(executionId, body.Value, body.Problem);
    }

    /// <summary>The Launcher's refusal as a problem, or no answer as <paramref name="notAnswered"/>, or the execution it acted on.</summary>
    private async Task<IResult> AnswerAsync(
        LauncherAnswer answer, IResult notAnswered, Func<ExecutionRecord, IResult> respond, CancellationToken cancellationToken)
    {
        if (answer.Rejected is { } rejected)
        {
            return ApiProblems.Rejected(rejected);
        }

        if (answer.Accepted is not { } accepted)
        {
            return notAnswered;
        }

        var execution = await executions.FindAsync(accepted.ExecutionId, cancellationToken)
                        ?? throw new InvalidOperationException($"The Launcher accepted a command on execution {accepted.ExecutionId} but it is not stored.");
        return respond(execution);
    }

    private static string CallerName(HttpRequest request) => Caller.From(request.HttpContext.User).Name;

    private static ItemResponse<ExecutionResource> ItemOf(ExecutionRecord execution) => new(ExecutionResource.From(execution));
}

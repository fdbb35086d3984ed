using Fabrik.Executions.Gateway.Api.Actions;
using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Gateway.Api.Workflows;
using Fabrik.Executions.Gateway.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>What operators do to executions: cancel one, cancel many, relaunch, decide approvals. Each is audited when accepted.</summary>
public static class OperatorActionsApi
{
    public static WebApplication MapOperatorActionsApi(this WebApplication app)
    {
        var executions = app.MapExecutionsGroup();

        executions.MapPost("cancel", (HttpContext http, CancellationToken cancellationToken) =>
                Handler(http).CancelManyAsync(http.Request, cancellationToken))
            .WithName("CancelExecutions")
            .WithSummary("Cancel up to 100 executions at once; answers what became of each.")
            .WithDescription("Each result is canceled, cancel_requested, not_found, already_finished (with why), refused or no_answer.")
            .Accepts<CancelManyBody>("application/json")
            .Produces<ItemResponse<IReadOnlyList<CancelOutcome>>>()
            .WithActionProblems()
            .RequireOperatorAction("cancel");

        executions.MapPost("{id}/cancel", (string id, HttpContext http, CancellationToken cancellationToken) =>
                Handler(http).CancelAsync(id, http.Request, cancellationToken))
            .WithName("CancelExecution")
            .WithSummary("Cancel a pending, waiting or running execution: 200 when canceled before launch, 202 when AWX stops it at its next task boundary.")
            .WithDescription("The body, if any, is an empty object. The caller is recorded as who canceled.")
            .Produces<ItemResponse<ExecutionResource>>()
            .Produces<ItemResponse<ExecutionResource>>(StatusCodes.Status202Accepted)
            .WithExecutionActionProblems()
            .RequireOperatorAction("cancel");

        executions.MapPost("{id}/relaunch", (string id, HttpContext http, CancellationToken cancellationToken) =>
                Handler(http).RelaunchAsync(id, http.Request, cancellationToken))
            .WithName("RelaunchExecution")
            .WithSummary("Launch a finished execution's request again, on all its hosts or only the failed ones, or a workflow from one of its nodes; answers the new execution.")
            .WithDescription("The relaunch reuses the template snapshot, extra vars, inventory and credentials; a chain holds at most 3 relaunches. "
                             + "For a workflow, { \"from_node\": <node id> } runs that failed node and everything after it again, with the artifacts "
                             + "of the nodes before it as extra vars. The caller is recorded as launched_by.")
            .Accepts<RelaunchBody>("application/json")
            .Produces<ItemResponse<ExecutionResource>>(StatusCodes.Status202Accepted)
            .WithExecutionActionProblems()
            .RequireOperatorAction("relaunch");

        executions.MapPost("{id}/approvals/{approval_id}/approve", (string id, [FromRoute(Name = "approval_id")] string approvalId, HttpContext http, CancellationToken cancellationToken) =>
                Handler(http).DecideApprovalAsync(id, approvalId, approve: true, http.Request, cancellationToken))
            .WithName("ApproveWorkflowApproval")
            .WithSummary("Approve a workflow execution's waiting approval node; the caller is recorded as who decided.")
            .WithDescription("The body, if any, is { \"comment\" }. An approval is decided once: a second decision is 409.")
            .Accepts<ApprovalBody>("application/json")
            .Produces<ItemResponse<WorkflowApprovalResource>>()
            .WithExecutionActionProblems()
            .RequireOperatorAction("approve");

        executions.MapPost("{id}/approvals/{approval_id}/deny", (string id, [FromRoute(Name = "approval_id")] string approvalId, HttpContext http, CancellationToken cancellationToken) =>
                Handler(http).DecideApprovalAsync(id, approvalId, approve: false, http.Request, cancellationToken))
            .WithName("DenyWorkflowApproval")
            .WithSummary("Deny a workflow execution's waiting approval node; the caller is recorded as who decided.")
            .WithDescription("The body, if any, is { \"comment\" }. An approval is decided once: a second decision is 409.")
            .Accepts<ApprovalBody>("application/json")
            .Produces<ItemResponse<WorkflowApprovalResource>>()
            .WithExecutionActionProblems()
            .RequireOperatorAction("deny");

        return app;
    }

    /// <summary>Every action takes no query parameters and can find its request malformed, too large or not JSON.</summary>
    private static RouteHandlerBuilder WithActionProblems(this RouteHandlerBuilder endpoint) =>
        endpoint
            .WithQuery(OperatorActionHandler.Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>An action on one execution can also find it missing, in the wrong state, or refused (the Launcher silent is the group's 503).</summary>
    private static RouteHandlerBuilder WithExecutionActionProblems(this RouteHandlerBuilder endpoint) =>
        endpoint
            .WithActionProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Built from the request's services, so the actions need no registration of their own.</summary>
    private static OperatorActionHandler Handler(HttpContext http) =>
        ActivatorUtilities.CreateInstance<OperatorActionHandler>(http.RequestServices);
}

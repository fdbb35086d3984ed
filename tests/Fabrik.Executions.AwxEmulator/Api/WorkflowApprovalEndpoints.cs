using System.Globalization;
using Fabrik.Executions.AwxEmulator.Api.Resources;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api;

internal static class WorkflowApprovalEndpoints
{
    public const string AlreadyDecided = "This workflow step has already been approved or denied.";

    public static RouteGroupBuilder MapWorkflowApprovalEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/workflow_approvals/", List);
        api.MapGet("/workflow_approvals/{id:int}/", Detail);
        api.MapPost("/workflow_approvals/{id:int}/approve/", (int id, WorkflowJobRegistry registry, TimeProvider time) => Decide(id, approve: true, registry, time));
        api.MapPost("/workflow_approvals/{id:int}/deny/", (int id, WorkflowJobRegistry registry, TimeProvider time) => Decide(id, approve: false, registry, time));
        return api;
    }

    // AWX filters on any field path; the two a monitor needs are the status and the workflow job that holds the node.
    private static IResult List(HttpRequest request, WorkflowJobRegistry registry, TimeProvider time)
    {
        var status = request.Query["status"].ToString();
        var workflowJob = request.Query["unified_job_node__workflow_job"].ToString();
        var now = time.GetUtcNow();
        var items = registry.Approvals()
            .Where(approval => status.Length == 0 || WorkflowJobEndpoints.StatusName(approval.State.Status) == status)
            .Where(approval => workflowJob.Length == 0 || approval.SourceWorkflowJob.Id.ToString(CultureInfo.InvariantCulture) == workflowJob)
            .ToList();
        return AwxPagination.PageOf(request, items, approval => new WorkflowApprovalResource(approval, now));
    }

    private static IResult Detail(int id, WorkflowJobRegistry registry, TimeProvider time) =>
        registry.FindApproval(id) is { } approval ? TypedResults.Ok(new WorkflowApprovalResource(approval, time.GetUtcNow())) : AwxResults.NotFound();

    // AWX's WorkflowApprovalApprove and WorkflowApprovalDeny: 204, or 400 {"error"} once no longer pending.
    private static IResult Decide(int id, bool approve, WorkflowJobRegistry registry, TimeProvider time)
    {
        if (registry.FindApproval(id) is not { } approval)
        {
            return AwxResults.NotFound();
        }
        var now = time.GetUtcNow();
        approval.ExpireIfDue(now);
        return approval.TryDecide(approve, now)
            ? TypedResults.NoContent()
            : TypedResults.BadRequest(new Dictionary<string, string> { ["error"] = AlreadyDecided });
    }
}

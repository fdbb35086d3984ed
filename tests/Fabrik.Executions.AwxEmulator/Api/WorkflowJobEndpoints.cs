using System.Globalization;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Api.Resources;
using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api;

internal static class WorkflowJobEndpoints
{
    public static RouteGroupBuilder MapWorkflowJobEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/workflow_jobs/", List);
        api.MapGet("/workflow_jobs/{id:int}/", Detail);
        api.MapGet("/workflow_jobs/{id:int}/workflow_nodes/", Nodes);
        api.MapGet("/workflow_jobs/{id:int}/cancel/", CancelAvailability);
        api.MapPost("/workflow_jobs/{id:int}/cancel/", Cancel);
        api.MapGet("/workflow_job_nodes/{id:int}/", NodeDetail);
        return api;
    }

    private static IResult List(HttpRequest request, WorkflowJobRegistry registry, TimeProvider time)
    {
        var status = request.Query["status"].ToString();
        var template = request.Query["workflow_job_template"].ToString();
        var now = time.GetUtcNow();
        var items = registry.WorkflowJobs()
            .Where(workflowJob => status.Length == 0 || StatusName(workflowJob.State.Status) == status)
            .Where(workflowJob => template.Length == 0 || workflowJob.Template.Id.ToString(CultureInfo.InvariantCulture) == template)
            .ToList();
        return AwxPagination.PageOf(request, items, workflowJob => new WorkflowJobResource(workflowJob, now));
    }

    public static string StatusName(JobStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    private static IResult Detail(int id, WorkflowJobRegistry registry, TimeProvider time) =>
        registry.FindWorkflowJob(id) is { } workflowJob ? TypedResults.Ok(new WorkflowJobResource(workflowJob, time.GetUtcNow())) : AwxResults.NotFound();

    private static IResult Nodes(int id, HttpRequest request, WorkflowJobRegistry registry, TimeProvider time)
    {
        if (registry.FindWorkflowJob(id) is not { } workflowJob)
        {
            return AwxResults.NotFound();
        }
        var now = time.GetUtcNow();
        return AwxPagination.PageOf(request, workflowJob.Nodes(), node => new WorkflowJobNodeResource(node, workflowJob, now));
    }

    private static IResult NodeDetail(int id, WorkflowJobRegistry registry, TimeProvider time)
    {
        foreach (var workflowJob in registry.WorkflowJobs())
        {
            if (workflowJob.Nodes().FirstOrDefault(node => node.Id == id) is { } node)
            {
                return TypedResults.Ok(new WorkflowJobNodeResource(node, workflowJob, time.GetUtcNow()));
            }
        }
        return AwxResults.NotFound();
    }

    private static IResult CancelAvailability(int id, WorkflowJobRegistry registry) =>
        registry.FindWorkflowJob(id) is { } workflowJob
            ? TypedResults.Ok(new CancelAvailability(workflowJob.State.Status.CanCancel()))
            : AwxResults.NotFound();

    // AWX's GenericCancelView, as for jobs: 202 with no body, 405 once the workflow job is over.
    private static IResult Cancel(int id, WorkflowJobRegistry registry, TimeProvider time)
    {
        if (registry.FindWorkflowJob(id) is not { } workflowJob)
        {
            return AwxResults.NotFound();
        }
        return workflowJob.TryCancel(time.GetUtcNow()) ? TypedResults.Accepted((string?)null) : AwxResults.MethodNotAllowed(HttpMethods.Post);
    }
}

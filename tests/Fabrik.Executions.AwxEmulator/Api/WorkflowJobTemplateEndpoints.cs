using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Api.Resources;
using Fabrik.Executions.AwxEmulator.Events;
using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Launch;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api;

internal static class WorkflowJobTemplateEndpoints
{
    // Launch fields the emulator's workflow job templates do not prompt for: AWX lists them in ignored_fields.
    private static readonly string[] UnpromptedFields = ["inventory", "limit", "scm_branch", "labels", "skip_tags", "job_tags"];

    public static RouteGroupBuilder MapWorkflowJobTemplateEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/workflow_job_templates/", List);
        api.MapPost("/workflow_job_templates/", CreateAsync);
        api.MapGet("/workflow_job_templates/{id:int}/", Detail);
        api.MapDelete("/workflow_job_templates/{id:int}/", Delete);
        api.MapPost("/workflow_job_templates/{id:int}/launch/", LaunchAsync);
        api.MapPost("/workflow_job_templates/{id:int}/copy/", CopyAsync);
        api.MapGet("/workflow_job_templates/{id:int}/workflow_jobs/", WorkflowJobs);
        api.MapGet("/workflow_job_templates/{id:int}/workflow_nodes/", Nodes);
        api.MapPost("/workflow_job_templates/{id:int}/workflow_nodes/", AddNodeAsync);
        return api;
    }

    private static IResult List(HttpRequest request, WorkflowTemplateStore store, WorkflowResources resources) =>
        AwxPagination.PageOf(request, store.Templates(), resources.Template);

    private static async Task<IResult> CreateAsync(
        HttpRequest request, WorkflowTemplateStore store, WorkflowResources resources, EmulatorIds ids, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, parseError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (parseError is not null)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, parseError);
        }
        var errors = new FieldErrors();
        if (WorkflowTemplateRequest.Parse(body, errors) is not { } created)
        {
            return AwxResults.Invalid(errors);
        }
        var template = new WorkflowTemplate((int)ids.UnifiedJobTemplates.Next(), created.Name, created.Description, created.ExtraVars, time.GetUtcNow());
        store.AddTemplate(template);
        return TypedResults.Created(AwxUrls.WorkflowJobTemplate(template.Id), resources.Template(template));
    }

    private static IResult Detail(int id, WorkflowTemplateStore store, WorkflowResources resources) =>
        store.FindTemplate(id) is { } template ? TypedResults.Ok(resources.Template(template)) : AwxResults.NotFound();

    // AWX's RelatedJobsPreventDeleteMixin: 409 while a workflow job of the template is active.
    private static IResult Delete(int id, WorkflowTemplateStore store, WorkflowResources resources)
    {
        if (store.FindTemplate(id) is null)
        {
            return AwxResults.NotFound();
        }
        var active = resources.JobsOf(id).Where(workflowJob => !workflowJob.State.Status.IsTerminal()).ToList();
        if (active.Count > 0)
        {
            return TypedResults.Json(new ActiveJobConflict(
                "Resource is being used by running jobs.",
                active.Select(workflowJob => new ActiveJobReference("workflow_job", workflowJob.Id)).ToList()), statusCode: StatusCodes.Status409Conflict);
        }
        store.DeleteTemplate(id);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> LaunchAsync(
        int id, HttpRequest request, WorkflowTemplateStore store, WorkflowEngine engine, TimeProvider time, CancellationToken cancellationToken)
    {
        if (store.FindTemplate(id) is not { } template)
        {
            return AwxResults.NotFound();
        }
        var (body, parseError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (parseError is not null)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, parseError);
        }
        var errors = new FieldErrors();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("non_field_errors", $"Invalid data. Expected a dictionary, but got {PythonTypeNames.Of(body)}.");
            return AwxResults.Invalid(errors);
        }
        var extraVars = ExtraVarsParser.Parse(LaunchRequestParser.Field(body, "extra_vars"), errors);
        if (!errors.IsEmpty)
        {
            return AwxResults.Invalid(errors);
        }
        var ignored = UnpromptedFields
            .Where(field => LaunchRequestParser.Field(body, field) is not null)
            .ToDictionary(field => field, field => body.GetProperty(field).Clone());
        var workflowJob = engine.Launch(template, extraVars, JobLauncher.Manual, ignored);
        return TypedResults.Created(AwxUrls.WorkflowJob(workflowJob.Id), new WorkflowJobLaunchResource(workflowJob, time.GetUtcNow()));
    }

    private static async Task<IResult> CopyAsync(
        int id, HttpRequest request, WorkflowTemplateStore store, WorkflowResources resources, CancellationToken cancellationToken)
    {
        if (store.FindTemplate(id) is null)
        {
            return AwxResults.NotFound();
        }
        var (body, parseError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (parseError is not null)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, parseError);
        }
        var name = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("name", out var nameValue) && nameValue.ValueKind == JsonValueKind.String
            ? nameValue.GetString()!.Trim()
            : "";
        if (name.Length == 0)
        {
            var errors = new FieldErrors();
            errors.Add("name", "This field is required.");
            return AwxResults.Invalid(errors);
        }
        return store.Copy(id, name) is { } copy
            ? TypedResults.Created(AwxUrls.WorkflowJobTemplate(copy.Id), resources.Template(copy))
            : AwxResults.NotFound();
    }

    private static IResult WorkflowJobs(int id, HttpRequest request, WorkflowTemplateStore store, WorkflowResources resources, TimeProvider time)
    {
        if (store.FindTemplate(id) is null)
        {
            return AwxResults.NotFound();
        }
        var now = time.GetUtcNow();
        return AwxPagination.PageOf(request, resources.JobsOf(id), workflowJob => new WorkflowJobResource(workflowJob, now));
    }

    private static IResult Nodes(int id, HttpRequest request, WorkflowTemplateStore store, WorkflowResources resources) =>
        store.NodesOf(id) is { } nodes ? AwxPagination.PageOf(request, nodes, node => resources.Node(node)!) : AwxResults.NotFound();

    private static async Task<IResult> AddNodeAsync(
        int id, HttpRequest request, WorkflowTemplateStore store, WorkflowResources resources, CancellationToken cancellationToken)
    {
        if (store.FindTemplate(id) is null)
        {
            return AwxResults.NotFound();
        }
        var (body, parseError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (parseError is not null)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, parseError);
        }
        var errors = new FieldErrors();
        if (WorkflowNodeRequestParser.Parse(body, null, store, errors) is not { } settings)
        {
            return AwxResults.Invalid(errors);
        }
        return store.AddNode(id, settings) is { } node
            ? TypedResults.Created(AwxUrls.WorkflowTemplateNode(node.Id), resources.Node(node))
            : AwxResults.NotFound();
    }
}

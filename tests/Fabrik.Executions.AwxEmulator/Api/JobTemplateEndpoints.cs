using Fabrik.Executions.AwxEmulator.Api.Resources;
using Fabrik.Executions.AwxEmulator.Catalog;
using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Launch;

namespace Fabrik.Executions.AwxEmulator.Api;

internal static class JobTemplateEndpoints
{
    public static RouteGroupBuilder MapJobTemplateEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/job_templates/", List);
        api.MapGet("/job_templates/{id:int}/", Detail);
        api.MapPost("/job_templates/{id:int}/launch/", LaunchAsync);
        return api;
    }

    private static IResult List(HttpRequest request, JobTemplateCatalog catalog, JobRegistry jobs)
    {
        return AwxPagination.PageOf(request, catalog.All, template => JobTemplateResource.Of(template, jobs.OfTemplate(template.Id)));
    }

    private static IResult Detail(int id, JobTemplateCatalog catalog, JobRegistry jobs) =>
        catalog.Find(id) is { } template
            ? TypedResults.Ok(JobTemplateResource.Of(template, jobs.OfTemplate(id)))
            : AwxResults.NotFound();

    private static async Task<IResult> LaunchAsync(
        int id, HttpRequest request, JobTemplateCatalog catalog, JobLauncher launcher, JobViewFactory views, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is not { } template)
        {
            return AwxResults.NotFound();
        }
        var (body, parseError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (parseError is not null)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, parseError);
        }
        var errors = new FieldErrors();
        if (LaunchRequestParser.Parse(body, errors) is not { } launch)
        {
            return AwxResults.Invalid(errors);
        }
        var (job, refusal) = launcher.Launch(template, launch, JobLauncher.Manual);
        return job is null
            ? AwxResults.Invalid(refusal)
            : TypedResults.Created(AwxUrls.Job(job.Id), new JobLaunchResource(views.Of(job)));
    }
}

using Fabrik.Executions.AwxEmulator.Api.Resources;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Api;

internal static class JobEventEndpoints
{
    public static RouteGroupBuilder MapJobEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs/{id:int}/job_events/", Events);
        api.MapGet("/jobs/{id:int}/job_host_summaries/", HostSummaries);
        return api;
    }

    // Only events already visible are listed: AWX saves them in batches, late and out of counter order.
    private static IResult Events(int id, HttpRequest request, JobRegistry jobs, JobViewFactory views)
    {
        if (jobs.Find(id) is not { } job)
        {
            return AwxResults.NotFound();
        }
        if (JobEventQuery.Parse(request.Query, out var error) is not { } query)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, error!);
        }
        var view = views.Of(job);
        var jobSummary = JobReferenceSummary.Of(view);
        return AwxPagination.PageOf(request, query.Apply(job.Events.VisibleAt(view.Now)),
            jobEvent => JobEventResource.Of(jobEvent, jobSummary, query.TruncateStdout));
    }

    // AWX creates the summaries when it saves playbook_on_stats, newest first.
    private static IResult HostSummaries(int id, HttpRequest request, JobRegistry jobs, JobViewFactory views)
    {
        if (jobs.Find(id) is not { } job)
        {
            return AwxResults.NotFound();
        }
        var view = views.Of(job);
        var summaries = job.Events.StatsVisibleAt(view.Now)?.HostSummaries.OrderByDescending(summary => summary.Id).ToList() ?? [];
        return AwxPagination.PageOf(request, summaries, summary => JobHostSummaryResource.Of(summary, view));
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fabrik.Executions.AwxEmulator.Api.Resources;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Api;

internal static partial class JobEndpoints
{
    public static RouteGroupBuilder MapJobEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs/", List);
        api.MapGet("/jobs/{id:int}/", Detail);
        api.MapGet("/jobs/{id:int}/cancel/", CancelAvailability);
        api.MapPost("/jobs/{id:int}/cancel/", Cancel);
        api.MapPost("/jobs/{id:int}/relaunch/", RelaunchAsync);
        api.MapGet("/jobs/{id:int}/stdout/", Stdout);
        return api;
    }

    private static IResult List(HttpRequest request, JobRegistry jobs, JobViewFactory views)
    {
        var status = request.Query["status"].ToString();
        var template = request.Query["job_template"].ToString();
        var items = jobs.All()
            .Select(views.Of)
            .Where(view => status.Length == 0 || JsonNamingPolicy.SnakeCaseLower.ConvertName(view.State.Status.ToString()) == status)
            .Where(view => template.Length == 0 || view.Job.Template.Id.ToString(CultureInfo.InvariantCulture) == template)
            .ToList();
        return AwxPagination.PageOf(request, items, view => new JobListItemResource(view));
    }

    private static IResult Detail(int id, JobRegistry jobs, JobViewFactory views) =>
        jobs.Find(id) is { } job ? TypedResults.Ok(new JobDetailResource(views.Of(job))) : AwxResults.NotFound();

    private static IResult CancelAvailability(int id, JobRegistry jobs) =>
        jobs.Find(id) is { } job ? TypedResults.Ok(new CancelAvailability(job.State.Status.CanCancel())) : AwxResults.NotFound();

    // AWX's GenericCancelView: 202 with no body, or DRF's 405 once the job can no longer be canceled.
    private static IResult Cancel(int id, JobRegistry jobs, TimeProvider time)
    {
        if (jobs.Find(id) is not { } job)
        {
            return AwxResults.NotFound();
        }
        return job.TryCancel(time.GetUtcNow()) ? TypedResults.Accepted((string?)null) : AwxResults.MethodNotAllowed(HttpMethods.Post);
    }

    private static async Task<IResult> RelaunchAsync(
        int id, HttpRequest request, JobRegistry jobs, JobLauncher launcher, JobViewFactory views, TimeProvider time, CancellationToken cancellationToken)
    {
        if (jobs.Find(id) is not { } job)
        {
            return AwxResults.NotFound();
        }
        var (body, parseError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (parseError is not null)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, parseError);
        }
        var hosts = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("hosts", out var hostsValue) && hostsValue.ValueKind == JsonValueKind.String
            ? hostsValue.GetString()!
            : "all";
        if (hosts is not ("all" or "failed"))
        {
            var invalid = new FieldErrors();
            invalid.Add("hosts", $"\"{hosts}\" is not a valid choice.");
            return AwxResults.Invalid(invalid);
        }
        var limit = job.Request.Limit;
        if (hosts == "failed")
        {
            var (failedHosts, refusal) = FailedHostsOf(job, time.GetUtcNow());
            if (refusal is not null)
            {
                return TypedResults.BadRequest(new Dictionary<string, string> { ["hosts"] = refusal });
            }
            limit = failedHosts;
        }
        var relaunchRequest = job.Request with { Limit = limit, IgnoredFields = new Dictionary<string, JsonElement>() };
        var (relaunched, errors) = launcher.Launch(job.Template, relaunchRequest, JobLauncher.Relaunch);
        return relaunched is null
            ? AwxResults.Invalid(errors)
            : TypedResults.Created(AwxUrls.Job(relaunched.Id), new JobRelaunchResource(views.Of(relaunched)));
    }

    // AWX's JobRelaunch: retrying failed hosts (failed or unreachable) needs a finished job whose stats are in.
    private static (string Limit, string? Refusal) FailedHostsOf(EmulatedJob job, DateTimeOffset now)
    {
        if (!job.State.Status.IsTerminal())
        {
            return ("", "Wait until job finishes before retrying on failed hosts.");
        }
        if (job.Events.StatsVisibleAt(now) is not { } stats)
        {
            return ("", "Cannot retry on failed hosts, playbook stats not available.");
        }
        var failed = stats.HostSummaries.Where(summary => summary.Failed).Select(summary => summary.HostName).ToList();
        return failed.Count == 0
            ? ("", "Cannot relaunch because previous job had 0 failed hosts.")
            : (string.Join(',', failed), null);
    }

    // AWX's result_stdout: the events' stdout in line order, one line break after each; txt drops the colours.
    private static IResult Stdout(int id, HttpRequest request, JobRegistry jobs, TimeProvider time)
    {
        if (jobs.Find(id) is not { } job)
        {
            return AwxResults.NotFound();
        }
        var format = request.Query["format"].ToString();
        if (format is not ("" or "txt" or "ansi"))
        {
            return AwxResults.NotFound();
        }
        var text = new StringBuilder();
        foreach (var jobEvent in job.Events.VisibleAt(time.GetUtcNow()).Events.Where(e => e.Stdout.Length > 0).OrderBy(e => e.StartLine).ThenBy(e => e.Counter))
        {
            text.Append(jobEvent.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\n');
        }
        var content = format == "ansi" ? text.ToString() : AnsiSequence().Replace(text.ToString(), "");
        return TypedResults.Text(content, "text/plain", Encoding.UTF8);
    }

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]", RegexOptions.CultureInvariant)]
    private static partial Regex AnsiSequence();
}

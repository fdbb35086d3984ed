using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;

namespace Fabrik.Executions.OperatorActionTests;

/// <summary>Relaunch through the whole pipeline: a chain to its cap, and failed hosts only.</summary>
public sealed class RelaunchTests
{
    private OperatorSession session = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => session = await SharedPipeline.SessionAsync();

    [Test]
    public async Task Relaunch_chain_runs_each_attempt_as_a_new_job_up_to_the_cap_then_is_refused_with_the_seeds_advice()
    {
        var marker = Guid.NewGuid().ToString("N");
        var original = await session.LaunchAsync(marker, new JsonObject { ["emulator_events"] = 20, ["emulator_hosts"] = 2 });
        var attempts = new List<JsonElement> { await session.WaitForResultsAsync(original.Id()) };
        for (var count = 1; count <= 3; count++)
        {
            var relaunch = await RelaunchAsync(attempts[^1].Id(), "all");
            Assert.That((relaunch.GetProperty("relaunch_of").GetGuid(), relaunch.GetProperty("relaunch_count").GetInt32()),
                Is.EqualTo((attempts[^1].Id(), count)), "each attempt points at the one it relaunched");
            attempts.Add(await session.WaitForResultsAsync(relaunch.Id()));
        }

        using var refused = await session.PostAsync($"/api/v1/executions/{attempts[^1].Id()}/relaunch", """{"hosts": "all"}""");

        Assert.That(await OperatorSession.DetailAsync(refused, HttpStatusCode.Conflict), Does.Contain("fix the underlying issue rather than relaunching"));
        Assert.That(attempts.Select(attempt => attempt.GetProperty("status").GetString()), Is.All.EqualTo("successful"));
        Assert.That(attempts.Select(attempt => attempt.GetProperty("request_id").GetString()), Is.All.EqualTo(marker), "one request, four attempts");
        Assert.That(attempts.Select(attempt => attempt.GetProperty("launched_by").GetString()).Skip(1), Is.All.EqualTo(session.Name));
        var jobs = await session.AwxJobsMarkedAsync(marker);
        Assert.That(jobs.Select(job => job.GetProperty("id").GetInt64()), Is.EqualTo(attempts.Select(attempt => attempt.AwxJobId())), "a new AWX job for each attempt");
        Assert.That(jobs.Select(job => job.GetProperty("launch_type").GetString()), Is.All.EqualTo("manual"), "never through AWX's /relaunch/");
        Assert.That(jobs.Select(job => job.GetProperty("extra_vars").GetString()).Distinct().Count(), Is.EqualTo(1), "the same input data each time");

        using var chainResponse = await session.Gateway.GetAsync(new Uri($"/api/v1/executions/{attempts[^1].Id()}/chain", UriKind.Relative));
        var chain = await OperatorSession.DataAsync(chainResponse, HttpStatusCode.OK);
        Assert.That(chain.EnumerateArray().Select(link => link.Id()), Is.EqualTo(attempts.Select(attempt => attempt.Id())),
            "the chain walks from the original through every relaunch");
    }

    [Test]
    public async Task Relaunch_of_failed_hosts_sends_exactly_the_failed_and_unreachable_hosts_as_the_limit()
    {
        var original = await session.LaunchAsync(Guid.NewGuid().ToString("N"), new JsonObject
        {
            ["emulator_events"] = 120, ["emulator_hosts"] = 6, ["emulator_failed_hosts"] = 2, ["emulator_unreachable_hosts"] = 1,
            ["emulator_events_per_second"] = 0,
        });
        var finished = await session.WaitForResultsAsync(original.Id());
        var failedHosts = finished.GetProperty("row_results").EnumerateArray()
            .Where(row => row.GetProperty("status").GetString() is "failed" or "unreachable")
            .Select(row => row.GetProperty("host").GetString()!)
            .ToList();
        Assert.That(failedHosts, Is.EqualTo(new[] { "leaf-104.lab", "leaf-105.lab", "leaf-106.lab" }), "the emulator's plan");

        var relaunch = await RelaunchAsync(original.Id(), "failed");

        var limit = string.Join(',', failedHosts);
        Assert.That((relaunch.GetProperty("relaunch_hosts").GetString(), relaunch.GetProperty("limit").GetString()), Is.EqualTo(("failed", limit)));
        Assert.That((await session.AwxJobAsync(relaunch.AwxJobId())).GetProperty("limit").GetString(), Is.EqualTo(limit));
        var rerun = await session.WaitForResultsAsync(relaunch.Id());
        Assert.That(rerun.GetProperty("row_results").EnumerateArray().Select(row => row.GetProperty("host").GetString()), Is.EqualTo(failedHosts),
            "AWX ran those hosts and no other");
    }

    [Test]
    public async Task Relaunch_of_failed_hosts_when_none_failed_is_409()
    {
        var original = await session.LaunchAsync(Guid.NewGuid().ToString("N"), new JsonObject { ["emulator_events"] = 20 });
        await session.WaitForResultsAsync(original.Id());

        using var response = await session.PostAsync($"/api/v1/executions/{original.Id()}/relaunch", """{"hosts": "failed"}""");

        Assert.That(await OperatorSession.DetailAsync(response, HttpStatusCode.Conflict), Does.Contain("No host failed or was unreachable"));
    }

    private async Task<JsonElement> RelaunchAsync(Guid executionId, string hosts)
    {
        using var response = await session.PostAsync($"/api/v1/executions/{executionId}/relaunch", JsonSerializer.Serialize(new { hosts }));
        var relaunch = await OperatorSession.DataAsync(response, HttpStatusCode.Accepted);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/executions/{relaunch.Id()}"));
        return relaunch;
    }
}

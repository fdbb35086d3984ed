using System.Text.Json;
using Dapper;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Testing;
using Npgsql;

namespace Fabrik.Executions.Launcher.Tests;

public sealed class RelaunchExecutionTests
{
    private const string FourHosts = """{"emulator_events": 30, "emulator_hosts": 4}""";

    private LauncherUnderTest system = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => system = await SharedLauncher.GetAsync();

    [Test]
    public async Task Relaunch_runs_the_same_request_through_the_launch_path_with_its_frozen_template_snapshot()
    {
        var marker = Guid.NewGuid().ToString("N");
        var original = await FinishedOriginalAsync(LauncherUnderTest.Command(marker, limit: "leaf-10*"));
        var frozen = $$"""{"name": "Synthetic", "frozen": "{{marker}}"}""";
        await ExecuteAsync("update executions set template_snapshot = @frozen::jsonb where id = @id", new { frozen, id = original.Id });
        var command = Relaunch(original.Id, RelaunchHosts.All);

        var accepted = (await system.AskAsync(command)).Accepted();

        Assert.That(accepted, Is.EqualTo(new ExecutionAccepted { ExecutionId = command.ExecutionId, Status = ExecutionStatus.Waiting, AlreadyDone = false }));
        var relaunch = (await system.FindAsync(command.ExecutionId))!;
        Assert.Multiple(() =>
        {
            Assert.That(relaunch.RelaunchOf, Is.EqualTo(original.Id));
            Assert.That(relaunch.RelaunchCount, Is.EqualTo(1));
            Assert.That(relaunch.RelaunchHosts, Is.EqualTo("all"));
            Assert.That(relaunch.RequestId, Is.EqualTo(original.RequestId));
            Assert.That((relaunch.TemplateKind, relaunch.TemplateId, relaunch.TemplateName), Is.EqualTo((original.TemplateKind, original.TemplateId, original.TemplateName)));
            Assert.That(JsonElement.DeepEquals(Json(relaunch.ExtraVars), Json(original.ExtraVars)), Is.True, "the same input data");
            Assert.That((relaunch.LimitPattern, relaunch.InventoryId, relaunch.CredentialIds), Is.EqualTo((original.LimitPattern, original.InventoryId, original.CredentialIds)));
            Assert.That(JsonElement.DeepEquals(Json(relaunch.TemplateSnapshot), Json(frozen)), Is.True, "the snapshot is the original's, not AWX's template now");
            Assert.That(relaunch.LaunchedBy, Is.EqualTo("bob"));
            Assert.That(relaunch.AwxJobId, Is.Not.Null.And.Not.EqualTo(original.AwxJobId));
        });

        var jobs = await system.AwxJobsMarkedAsync(marker);
        Assert.That(jobs.Select(job => job.GetProperty("launch_type").GetString()), Is.EqualTo(new[] { "manual", "manual" }),
            "launched from the template both times, never through AWX's /relaunch/");
        var awxJob = await system.AwxJobAsync(relaunch.AwxJobId!.Value);
        Assert.That(awxJob.GetProperty("limit").GetString(), Is.EqualTo("leaf-10*"));
        Assert.That(JsonElement.DeepEquals(LauncherUnderTest.ExtraVarsOf(awxJob), Json(original.ExtraVars)), Is.True);
        var launched = await system.Probe.WaitForAsync<ExecutionLaunched>(m => m.ExecutionId == relaunch.Id, "ExecutionLaunched of the relaunch");
        Assert.That(launched.AwxJobId, Is.EqualTo(relaunch.AwxJobId));
    }

    [Test]
    public async Task Relaunch_chain_deeper_than_three_is_refused_with_the_seeds_advice()
    {
        var original = await FinishedOriginalAsync(LauncherUnderTest.Command(Guid.NewGuid().ToString("N")));
        var last = original.Id;
        for (var count = 1; count <= 3; count++)
        {
            var command = Relaunch(last, RelaunchHosts.All);
            Assert.That((await system.AskAsync(command)).Accepted().ExecutionId, Is.EqualTo(command.ExecutionId));
            var relaunch = (await system.FindAsync(command.ExecutionId))!;
            Assert.That((relaunch.RelaunchOf, relaunch.RelaunchCount), Is.EqualTo((last, (short)count)), "each link points at its direct parent");
            await system.FinishAsync(relaunch.Id, ExecutionStatus.Failed);
            last = relaunch.Id;
        }

        var refused = Relaunch(last, RelaunchHosts.All);
        var rejected = (await system.AskAsync(refused)).Rejected();

        Assert.That(rejected.Reason, Is.EqualTo(RejectionReason.Conflict));
        Assert.That(rejected.Detail, Does.Contain("capped at 3").And.Contain("fix the underlying issue rather than relaunching"));
        Assert.That(await system.FindAsync(refused.ExecutionId), Is.Null);
        Assert.That(await system.CountExecutionsAsync(original.RequestId), Is.EqualTo(4));
    }

    [Test]
    public async Task Relaunch_of_failed_hosts_limits_awx_to_exactly_the_failed_and_unreachable_hosts()
    {
        var marker = Guid.NewGuid().ToString("N");
        var original = await FinishedOriginalAsync(LauncherUnderTest.Command(marker, extraVars: FourHosts));
        await StoreHostResultsAsync(original.Id,
            ("leaf-101.lab", HostOutcome.Ok), ("leaf-102.lab", HostOutcome.Failed), ("leaf-103.lab", HostOutcome.Changed), ("leaf-104.lab", HostOutcome.Unreachable));
        var command = Relaunch(original.Id, RelaunchHosts.Failed);

        (await system.AskAsync(command)).Accepted();

        var relaunch = (await system.FindAsync(command.ExecutionId))!;
        Assert.That((relaunch.RelaunchHosts, relaunch.LimitPattern), Is.EqualTo(("failed", "leaf-102.lab,leaf-104.lab")));
        var awxJob = await system.AwxJobAsync(relaunch.AwxJobId!.Value);
        Assert.That(awxJob.GetProperty("limit").GetString(), Is.EqualTo("leaf-102.lab,leaf-104.lab"));
        await system.WaitForAwxStatusAsync(relaunch.AwxJobId.Value, "successful");
        Assert.That(system.Emulator.GetExpectedHostOutcomes((int)relaunch.AwxJobId.Value).Select(host => host.Host),
            Is.EqualTo(new[] { "leaf-102.lab", "leaf-104.lab" }), "AWX ran those hosts and no other");
    }

    [TestCase(null, RejectionReason.Conflict, "not parsed yet", TestName = "Relaunch_of_failed_hosts_is_refused_before_the_results_are_parsed")]
    [TestCase("leaf-101.lab=ok leaf-102.lab=changed", RejectionReason.Conflict, "No host failed or was unreachable",
        TestName = "Relaunch_of_failed_hosts_is_refused_when_no_host_failed")]
    [TestCase("leaf-101.lab=failed web*=failed", RejectionReason.Unprocessable, "'web*'",
        TestName = "Relaunch_of_a_failed_host_whose_name_is_a_pattern_is_refused")]
    public async Task Relaunch_of_failed_hosts_is_refused_when_they_cannot_be_named(string? hostResults, RejectionReason reason, string detail)
    {
        var original = await FinishedOriginalAsync(LauncherUnderTest.Command(Guid.NewGuid().ToString("N")));
        if (hostResults is not null)
        {
            await StoreHostResultsAsync(original.Id, hostResults.Split(' ')
                .Select(result => result.Split('='))
                .Select(pair => (pair[0], Enum.Parse<HostOutcome>(pair[1], ignoreCase: true)))
                .ToArray());
        }

        var rejected = (await system.AskAsync(Relaunch(original.Id, RelaunchHosts.Failed))).Rejected();

        Assert.That(rejected.Reason, Is.EqualTo(reason));
        Assert.That(rejected.Detail, Does.Contain(detail).And.Contain("relaunch all hosts"));
        Assert.That(await CountAsync("select count(*) from executions where relaunch_of = @id", new { id = original.Id }), Is.Zero);
    }

    [Test]
    public async Task Relaunch_of_an_execution_still_running_is_refused()
    {
        var original = await system.LaunchAsync(LauncherUnderTest.Command(Guid.NewGuid().ToString("N")));

        var rejected = (await system.AskAsync(Relaunch(original.Id, RelaunchHosts.All))).Rejected();

        Assert.That(rejected.Reason, Is.EqualTo(RejectionReason.Conflict));
        Assert.That(rejected.Detail, Does.Contain("still waiting"));
    }

    [Test]
    public async Task Relaunch_of_an_unknown_execution_is_not_found()
    {
        var unknown = Guid.NewGuid();

        var rejected = (await system.AskAsync(Relaunch(unknown, RelaunchHosts.All))).Rejected();

        Assert.That((rejected.Reason, rejected.Detail), Is.EqualTo((RejectionReason.NotFound, $"Execution {unknown} does not exist, so it cannot be relaunched.")));
    }

    [Test]
    public async Task Redelivered_relaunch_creates_one_execution_and_one_awx_job()
    {
        var marker = Guid.NewGuid().ToString("N");
        var original = await FinishedOriginalAsync(LauncherUnderTest.Command(marker));
        var command = Relaunch(original.Id, RelaunchHosts.All);

        await Task.WhenAll(system.Probe.Bus.Publish(command), system.Probe.Bus.Publish(command));

        // Without a response address the Launcher publishes its answers; both deliveries are done once both are seen.
        await Eventually.TrueAsync(
            () => Task.FromResult(system.Probe.Received<ExecutionAccepted>().Count(m => m.ExecutionId == command.ExecutionId) == 2),
            "both deliveries answered");
        Assert.That(system.Probe.Received<ExecutionAccepted>().Where(m => m.ExecutionId == command.ExecutionId).Select(m => m.AlreadyDone),
            Is.EquivalentTo(new[] { false, true }));
        Assert.That(await CountAsync("select count(*) from executions where relaunch_of = @id", new { id = original.Id }), Is.EqualTo(1));
        Assert.That(await system.AwxJobsMarkedAsync(marker), Has.Count.EqualTo(2), "the original's job and the relaunch's");
        Assert.That(system.Probe.Received<ExecutionLaunched>().Count(m => m.ExecutionId == command.ExecutionId), Is.EqualTo(1));
    }

    private async Task<ExecutionRecord> FinishedOriginalAsync(LaunchExecution command)
    {
        var original = await system.LaunchAsync(command);
        await system.FinishAsync(original.Id, ExecutionStatus.Failed);
        return (await system.FindAsync(original.Id))!;
    }

    private static RelaunchExecution Relaunch(Guid relaunchOf, RelaunchHosts hosts) =>
        new() { ExecutionId = Guid.CreateVersion7(), RelaunchOf = relaunchOf, Hosts = hosts, RequestedBy = "bob" };

    private Task StoreHostResultsAsync(Guid executionId, params (string Host, HostOutcome Status)[] hosts) =>
        system.Service<ExecutionResultsRepository>().StoreAsync(new ExecutionResultsUpdate
        {
            ExecutionId = executionId,
            Hosts = hosts.Select(host => new HostResult
            {
                Host = host.Host,
                Status = host.Status,
                Ok = 1,
                Changed = host.Status == HostOutcome.Changed ? 1 : 0,
                Failed = host.Status == HostOutcome.Failed ? 1 : 0,
                Unreachable = host.Status == HostOutcome.Unreachable ? 1 : 0,
                Skipped = 0,
            }).ToList(),
            Source = HostResultsSource.Artifacts,
            PartialSuccess = false,
        }, CancellationToken.None);

    private async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await system.Service<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    private async Task<long> CountAsync(string sql, object parameters)
    {
        await using var connection = await system.Service<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

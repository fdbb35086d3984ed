using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Testing;
using MassTransit;

namespace Fabrik.Executions.Launcher.Tests;

public sealed class CancelExecutionTests
{
    /// <summary>Slow enough to be canceled while it runs: 60 events at 10 a second.</summary>
    private const string SlowJob = """{"emulator_events": 60, "emulator_hosts": 2, "emulator_events_per_second": 10}""";

    private LauncherUnderTest system = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => system = await SharedLauncher.GetAsync();

    [TearDown]
    public void ClearFaults() => system.Emulator.Faults = new FaultSettings();

    [Test]
    public async Task Cancel_before_the_launch_claim_cancels_locally_and_the_launch_never_reaches_awx()
    {
        var marker = Guid.NewGuid().ToString("N");
        var launch = LauncherUnderTest.Command(marker);
        var (pending, _) = await system.Executions.CreateAsync(new NewExecution
        {
            Id = launch.ExecutionId,
            RequestId = launch.RequestId,
            Template = launch.Template,
            ExtraVarsJson = launch.ExtraVars.GetRawText(),
            CredentialIds = [],
            LaunchedBy = "alice",
        }, CancellationToken.None);

        var canceled = (await system.AskAsync(new CancelExecution { ExecutionId = pending.Id, RequestedBy = "bob" })).Accepted();
        var repeated = (await system.AskAsync(new CancelExecution { ExecutionId = pending.Id, RequestedBy = "bob" })).Accepted();
        var someoneElse = (await system.AskAsync(new CancelExecution { ExecutionId = pending.Id, RequestedBy = "carol" })).Rejected();
        var launchedLater = (await system.RequestAsync(launch)).Accepted();

        Assert.That(canceled, Is.EqualTo(new ExecutionAccepted { ExecutionId = pending.Id, Status = ExecutionStatus.Canceled, AlreadyDone = false }));
        Assert.That(repeated, Is.EqualTo(canceled with { AlreadyDone = true }), "the same cancel again is done already");
        Assert.That(someoneElse.Reason, Is.EqualTo(RejectionReason.Conflict), "someone else's cancel finds it finished");
        Assert.That(someoneElse.Detail, Does.Contain($"Execution {pending.Id} already finished as canceled (by bob) at ").And.Contain("only pending, waiting and running"));
        Assert.That(launchedLater, Is.EqualTo(new ExecutionAccepted { ExecutionId = pending.Id, Status = ExecutionStatus.Canceled, AlreadyDone = true }),
            "the launch that arrives after the cancel finds it canceled");
        var stored = (await system.FindAsync(pending.Id))!;
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status, Is.EqualTo(ExecutionStatus.Canceled));
            Assert.That(stored.CancelRequestedBy, Is.EqualTo("bob"));
            Assert.That(stored.CancelRequestedAt, Is.Not.Null);
            Assert.That(stored.FinishedAt, Is.Not.Null);
            Assert.That(stored.AwxJobId, Is.Null);
            Assert.That(stored.LaunchAttemptedAt, Is.Null, "no launch was ever claimed");
            Assert.That(stored.StatusExplanation, Does.Contain("bob").And.Contain("no AWX job was created"));
        });
        Assert.That(await system.Executions.ClaimLaunchAsync(pending.Id, CancellationToken.None), Is.False);
        Assert.That(await system.AwxJobsMarkedAsync(marker), Is.Empty);
        var changed = await system.Probe.WaitForAsync<ExecutionStatusChanged>(m => m.ExecutionId == pending.Id, "ExecutionStatusChanged");
        Assert.That((changed.PreviousStatus, changed.Status, changed.Explanation), Is.EqualTo((ExecutionStatus.Pending, ExecutionStatus.Canceled, stored.StatusExplanation)));
    }

    [Test]
    public async Task Cancel_of_a_launched_execution_asks_awx_and_records_who_asked_first()
    {
        var marker = Guid.NewGuid().ToString("N");
        var execution = await system.LaunchAsync(LauncherUnderTest.Command(marker, extraVars: SlowJob));
        var jobId = execution.AwxJobId!.Value;
        await system.WaitForAwxStatusAsync(jobId, "running");

        var first = (await system.AskAsync(new CancelExecution { ExecutionId = execution.Id, RequestedBy = "bob" })).Accepted();
        var second = await system.AskAsync(new CancelExecution { ExecutionId = execution.Id, RequestedBy = "carol" });

        Assert.That(first, Is.EqualTo(new ExecutionAccepted { ExecutionId = execution.Id, Status = ExecutionStatus.Waiting, AlreadyDone = false }),
            "the poller, not the cancel, moves the status");
        await system.WaitForAwxStatusAsync(jobId, "canceled");
        var stored = (await system.FindAsync(execution.Id))!;
        Assert.That((stored.CancelRequestedBy, stored.CancelRequestedAt is not null), Is.EqualTo(("bob", true)), "the first to ask is recorded");
        if (second.Is(out Response<ExecutionAccepted>? repeated))
        {
            Assert.That(repeated.Message.AlreadyDone, Is.True, "a repeated cancel while AWX stops the job is already done");
        }
        else
        {
            Assert.That(second.Rejected().Reason, Is.EqualTo(RejectionReason.Conflict), "AWX had stopped the job meanwhile");
        }
    }

    [Test]
    public async Task Cancel_during_the_launch_is_passed_on_to_the_job_awx_creates()
    {
        var marker = Guid.NewGuid().ToString("N");
        var command = LauncherUnderTest.Command(marker, extraVars: SlowJob);
        system.Emulator.Faults = new FaultSettings { LatencyMs = 1_500 };

        var launching = system.RequestAsync(command);
        await Eventually.TrueAsync(async () => (await system.FindAsync(command.ExecutionId))?.LaunchAttemptedAt is not null, "the launch to be claimed");
        var canceled = (await system.AskAsync(new CancelExecution { ExecutionId = command.ExecutionId, RequestedBy = "bob" })).Accepted();
        var launched = (await launching).Accepted();

        Assert.That(canceled, Is.EqualTo(new ExecutionAccepted { ExecutionId = command.ExecutionId, Status = ExecutionStatus.Pending, AlreadyDone = false }));
        Assert.That(launched.Status, Is.EqualTo(ExecutionStatus.Waiting));
        var stored = (await system.FindAsync(command.ExecutionId))!;
        await system.WaitForAwxStatusAsync(stored.AwxJobId!.Value, "canceled");
        Assert.That(stored.CancelRequestedBy, Is.EqualTo("bob"));
        Assert.That(await system.AwxJobsMarkedAsync(marker), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Cancel_of_a_finished_execution_is_refused_saying_how_it_finished()
    {
        var execution = await system.LaunchAsync(LauncherUnderTest.Command(Guid.NewGuid().ToString("N")));
        await system.FinishAsync(execution.Id, ExecutionStatus.Successful);

        var rejected = (await system.AskAsync(new CancelExecution { ExecutionId = execution.Id, RequestedBy = "bob" })).Rejected();

        Assert.That(rejected.Reason, Is.EqualTo(RejectionReason.Conflict));
        Assert.That(rejected.Detail, Does.Contain("already finished as successful").And.Contain("only pending, waiting and running"));
        Assert.That((await system.FindAsync(execution.Id))!.CancelRequestedBy, Is.Null);
    }

    [Test]
    public async Task Cancel_that_reaches_awx_after_the_job_ended_is_refused_as_already_finished()
    {
        var execution = await system.LaunchAsync(LauncherUnderTest.Command(Guid.NewGuid().ToString("N")));
        await system.WaitForAwxStatusAsync(execution.AwxJobId!.Value, "successful");

        var rejected = (await system.AskAsync(new CancelExecution { ExecutionId = execution.Id, RequestedBy = "bob" })).Rejected();

        Assert.That(rejected.Reason, Is.EqualTo(RejectionReason.Conflict));
        Assert.That(rejected.Detail, Does.Contain($"AWX job {execution.AwxJobId} ").And.Contain("had already finished"));
        Assert.That((await system.FindAsync(execution.Id))!.CancelRequestedBy, Is.Null, "nothing was canceled, so no one canceled it");
    }

    [Test]
    public async Task Cancel_of_an_unknown_execution_is_not_found()
    {
        var unknown = Guid.NewGuid();

        var rejected = (await system.AskAsync(new CancelExecution { ExecutionId = unknown, RequestedBy = "bob" })).Rejected();

        Assert.That((rejected.Reason, rejected.Detail), Is.EqualTo((RejectionReason.NotFound, $"Execution {unknown} does not exist.")));
    }

    [TestCase("", "requested_by is required")]
    [TestCase("   ", "requested_by is required")]
    [TestCase("bob\0", "requested_by must not hold control characters")]
    [TestCase("bob\u001b", "requested_by must not hold control characters", TestName = "Cancel_by_a_requester_holding_an_escape_is_invalid")]
    public async Task Cancel_without_a_readable_requester_is_invalid(string requestedBy, string detail)
    {
        var rejected = (await system.AskAsync(new CancelExecution { ExecutionId = Guid.NewGuid(), RequestedBy = requestedBy })).Rejected();

        Assert.That(rejected.Reason, Is.EqualTo(RejectionReason.Invalid));
        Assert.That(rejected.Detail, Does.Contain(detail));
    }
}

using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Testing;
using MassTransit;

namespace Fabrik.Executions.Launcher.Tests;

public sealed class LaunchExecutionTests
{
    private static readonly TestCaseData[] InvalidCommands =
    [
        Invalid("An empty execution id", command => command with { ExecutionId = Guid.Empty }, "execution_id"),
        Invalid("A missing request id", command => command with { RequestId = " " }, "request_id"),
        Invalid("A request id over 200 characters", command => command with { RequestId = new string('r', 201) }, "request_id"),
        Invalid("A missing template", command => command with { Template = null! }, "template"),
        Invalid("A template id of zero", command => command with { Template = command.Template with { Id = 0 } }, "template.id"),
        Invalid("A template without name", command => command with { Template = command.Template with { Name = "" } }, "template.name"),
        Invalid("Extra vars that are a list", command => command with { ExtraVars = Json("[1, 2]") }, "extra_vars"),
        Invalid("Extra vars that are a string", command => command with { ExtraVars = Json("\"a: 1\"") }, "extra_vars"),
        Invalid("Extra vars that are null", command => command with { ExtraVars = Json("null") }, "extra_vars"),
        Invalid("A negative credential id", command => command with { Credentials = [3, -1] }, "credentials"),
        Invalid("An inventory id of zero", command => command with { Inventory = 0 }, "inventory"),
        Invalid("A missing launched_by", command => command with { LaunchedBy = "" }, "launched_by"),
        Invalid("A limit over 4096 characters", command => command with { Limit = new string('h', 4097) }, "limit"),
        Invalid("A request id holding NUL", command => command with { RequestId = command.RequestId + "\0" }, "request_id must not hold control characters"),
        Invalid("A template name holding NUL", command => command with { Template = command.Template with { Name = "Synth\0etic" } }, "template.name must not hold control characters"),
        Invalid("A limit holding NUL", command => command with { Limit = "leaf-101\0" }, "limit must not hold control characters"),
        Invalid("A launched_by holding an escape", command => command with { LaunchedBy = "\u001b[2Jalice" }, "launched_by must not hold control characters"),
        Invalid("Extra vars holding NUL", command => command with { ExtraVars = Json("""{"note": "a\u0000b"}""") }, "extra_vars must hold only text"),
        Invalid("Extra vars named with NUL", command => command with { ExtraVars = Json("""{"a\u0000": 1}""") }, "extra_vars must hold only text"),
    ];

    private LauncherUnderTest system = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => system = await LauncherUnderTest.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await system.DisposeAsync();

    [TearDown]
    public void ClearFaults() => system.Emulator.Faults = new FaultSettings();

    [Test]
    public async Task Launch_stores_the_execution_and_launches_one_awx_job_with_the_extra_vars_and_limit_sent()
    {
        var marker = Guid.NewGuid().ToString("N");
        var command = LauncherUnderTest.Command(marker, limit: "leaf-101.lab");

        var response = await system.RequestAsync(command);

        Assert.That(response.Is(out Response<ExecutionAccepted>? accepted), Is.True, "the launch is accepted");
        Assert.That(accepted!.Message, Is.EqualTo(new ExecutionAccepted
        {
            ExecutionId = command.ExecutionId,
            Status = ExecutionStatus.Waiting,
            AlreadyDone = false,
        }));

        var execution = await system.Executions.FindAsync(command.ExecutionId, CancellationToken.None);
        Assert.That(execution, Is.Not.Null);
        Assert.That(execution!.Status, Is.EqualTo(ExecutionStatus.Waiting), "nothing but the poller moves it on");
        Assert.That(execution.AwxJobId, Is.Not.Null);
        Assert.That(execution.AwxJobUrl, Does.EndWith($"/#/jobs/playbook/{execution.AwxJobId}/output"));
        Assert.That(execution.LaunchAttemptedAt, Is.Not.Null);
        Assert.That(Json(execution.TemplateSnapshot).GetProperty("name").GetString(), Is.EqualTo("Synthetic"), "the template is frozen as AWX described it");

        var jobs = await system.AwxJobsMarkedAsync(marker);
        Assert.That(jobs, Has.Count.EqualTo(1));
        Assert.That(jobs[0].GetProperty("id").GetInt64(), Is.EqualTo(execution.AwxJobId));
        Assert.That(jobs[0].GetProperty("limit").GetString(), Is.EqualTo("leaf-101.lab"));
        Assert.That(JsonElement.DeepEquals(LauncherUnderTest.ExtraVarsOf(jobs[0]), command.ExtraVars), Is.True,
            "AWX received the extra vars as sent");

        var launched = await system.Probe.WaitForAsync<ExecutionLaunched>(m => m.ExecutionId == command.ExecutionId, "ExecutionLaunched");
        Assert.That(launched.AwxJobId, Is.EqualTo(execution.AwxJobId));
        Assert.That(launched.Kind, Is.EqualTo(TemplateKind.Job));
        Assert.That(launched.AwxJobUrl, Is.EqualTo(execution.AwxJobUrl));
        var changed = await system.Probe.WaitForAsync<ExecutionStatusChanged>(m => m.ExecutionId == command.ExecutionId, "ExecutionStatusChanged");
        Assert.That((changed.PreviousStatus, changed.Status, changed.AwxJobId), Is.EqualTo((ExecutionStatus.Pending, ExecutionStatus.Waiting, execution.AwxJobId)));
    }

    [Test]
    public async Task Same_request_id_twice_is_one_execution_and_one_awx_job()
    {
        var marker = Guid.NewGuid().ToString("N");
        var first = LauncherUnderTest.Command(marker);
        var second = first with { ExecutionId = Guid.CreateVersion7() };

        var firstResponse = await system.RequestAsync(first);
        var secondResponse = await system.RequestAsync(second);

        Assert.That(firstResponse.Is(out Response<ExecutionAccepted>? firstAccepted) && secondResponse.Is(out Response<ExecutionAccepted>? secondAccepted)
            ? (firstAccepted.Message.AlreadyDone, secondAccepted.Message.ExecutionId, secondAccepted.Message.AlreadyDone)
            : default, Is.EqualTo((false, first.ExecutionId, true)), "the second request is answered with the first execution");
        Assert.That(await system.CountExecutionsAsync(first.RequestId), Is.EqualTo(1));
        Assert.That(await system.AwxJobsMarkedAsync(marker), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Redelivered_launch_command_makes_one_awx_job()
    {
        var marker = Guid.NewGuid().ToString("N");
        var command = LauncherUnderTest.Command(marker);

        await system.Probe.Bus.Publish(command);
        await system.Probe.Bus.Publish(command);

        // Without a response address the Launcher publishes its answers; both deliveries are done once both are seen.
        await Eventually.TrueAsync(
            () => Task.FromResult(system.Probe.Received<ExecutionAccepted>().Count(m => m.ExecutionId == command.ExecutionId) == 2),
            "both deliveries answered");
        Assert.That(system.Probe.Received<ExecutionAccepted>().Where(m => m.ExecutionId == command.ExecutionId).Select(m => m.AlreadyDone),
            Is.EquivalentTo(new[] { false, true }));
        Assert.That(await system.AwxJobsMarkedAsync(marker), Has.Count.EqualTo(1));
        Assert.That(system.Probe.Received<ExecutionLaunched>().Count(m => m.ExecutionId == command.ExecutionId), Is.EqualTo(1));
    }

    [TestCaseSource(nameof(InvalidCommands))]
    public async Task Invalid_launch_is_rejected_naming_the_field_and_nothing_is_stored(
        Func<LaunchExecution, LaunchExecution> spoil, RejectionReason reason, string detail)
    {
        var marker = Guid.NewGuid().ToString("N");
        var command = spoil(LauncherUnderTest.Command(marker));

        var response = await system.RequestAsync(command);

        Assert.That(response.Is(out Response<CommandRejected>? rejected), Is.True, "the launch is rejected");
        Assert.That(rejected!.Message.Reason, Is.EqualTo(reason));
        Assert.That(rejected.Message.Detail, Does.Contain(detail));
        Assert.That(await system.Executions.FindAsync(command.ExecutionId, CancellationToken.None), Is.Null);
        // The request's own id, since a spoiled one (holding NUL) cannot even be looked for.
        Assert.That(await system.CountExecutionsAsync(LauncherUnderTest.Command(marker).RequestId), Is.Zero);
        Assert.That(await system.AwxJobsMarkedAsync(marker), Is.Empty);
    }

    [Test]
    public async Task Unknown_job_template_leaves_the_execution_in_error_with_awxs_explanation()
    {
        var valid = LauncherUnderTest.Command(Guid.NewGuid().ToString("N"));
        var command = valid with { Template = valid.Template with { Id = 9999 } };

        var execution = await LaunchIntoErrorAsync(command);

        Assert.That(execution.StatusExplanation, Does.Contain("9999").And.Contain("(404)").And.Contain("Not found."));
        Assert.That(execution.TemplateSnapshot, Is.EqualTo("{}"), "AWX described no template");
    }

    [Test]
    public async Task Launch_awx_refuses_leaves_the_execution_in_error_with_awxs_field_messages_and_the_template_it_read()
    {
        var command = LauncherUnderTest.Command(Guid.NewGuid().ToString("N"), extraVars: """{"emulator_hosts": "many"}""");

        var execution = await LaunchIntoErrorAsync(command);

        Assert.That(execution.StatusExplanation, Does.Contain("AWX refused").And.Contain("400").And.Contain("extra_vars: ").And.Contain("emulator_hosts"));
        Assert.That(Json(execution.TemplateSnapshot).GetProperty("name").GetString(), Is.EqualTo("Synthetic"),
            "the template AWX described before it refused the launch is kept");
    }

    [Test]
    public async Task Launch_with_a_token_awx_forbids_leaves_the_execution_in_error_with_awxs_403_explanation()
    {
        var marker = Guid.NewGuid().ToString("N");
        system.Emulator.Faults = new FaultSettings { RefuseTokenStatus = 403 };

        var execution = await LaunchIntoErrorAsync(LauncherUnderTest.Command(marker));

        Assert.That(execution.StatusExplanation, Does.Contain("AWX refused: the token lacks permission (403)")
            .And.Contain("You do not have permission to perform this action.").And.Contain("nothing was launched"));
        system.Emulator.Faults = new FaultSettings();
        Assert.That(await system.AwxJobsMarkedAsync(marker), Is.Empty);
    }

    private async Task<ExecutionRecord> LaunchIntoErrorAsync(LaunchExecution command)
    {
        var response = await system.RequestAsync(command);

        Assert.That(response.Is(out Response<ExecutionAccepted>? accepted), Is.True, "the execution exists, in error");
        Assert.That(accepted!.Message.Status, Is.EqualTo(ExecutionStatus.Error));
        var execution = await system.Executions.FindAsync(command.ExecutionId, CancellationToken.None);
        Assert.That(execution?.Status, Is.EqualTo(ExecutionStatus.Error));
        Assert.That(execution!.AwxJobId, Is.Null);
        var changed = await system.Probe.WaitForAsync<ExecutionStatusChanged>(m => m.ExecutionId == command.ExecutionId, "ExecutionStatusChanged");
        Assert.That((changed.PreviousStatus, changed.Status), Is.EqualTo((ExecutionStatus.Pending, ExecutionStatus.Error)));
        Assert.That(changed.Explanation, Is.EqualTo(execution.StatusExplanation));
        return execution;
    }

    private static TestCaseData Invalid(string name, Func<LaunchExecution, LaunchExecution> spoil, string field) =>
        new TestCaseData(spoil, RejectionReason.Invalid, field).SetArgDisplayNames(name);

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

using System.Text.Json;
using Fabrik.Executions.Contracts;
using MassTransit;

namespace Fabrik.Executions.Launcher.Tests;

/// <summary>
/// Another service writes the launch command's JSON itself; whatever it gets wrong, it gets a rejection naming the
/// field at once, not a request that times out while the message sits in the error queue.
/// </summary>
public sealed class UnreadableCommandTests
{
    private LauncherUnderTest system = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => system = await SharedLauncher.GetAsync();

    [TestCase("""{"kind": "playbook", "id": 1, "name": "Synthetic"}""", "[]", "template.kind must be job or workflow.")]
    [TestCase("""{"kind": 0, "id": 1, "name": "Synthetic"}""", "[]", "template.kind must be job or workflow.")]
    [TestCase("""{"kind": "job", "id": "one", "name": "Synthetic"}""", "[]", "template.id must be a number.")]
    [TestCase("""{"kind": "job", "id": 1, "name": "Synthetic"}""", """["vault"]""", "credentials[0] must be a number.")]
    [TestCase("""{"id": 1, "name": "Synthetic"}""", "[]", "'kind'")]
    public async Task Launch_command_that_cannot_be_read_is_rejected_naming_the_field(string template, string credentials, string detail)
    {
        var marker = Guid.NewGuid().ToString("N");
        var valid = LauncherUnderTest.Command(marker);
        // Published where every LaunchExecution goes, the exchange named for the contract.
        var client = system.Probe.Bus.CreateRequestClient<ForeignLaunchExecution>(
            new Uri("exchange:Fabrik.Executions.Contracts:LaunchExecution"), RequestTimeout.After(s: 60));

        var response = await client.GetResponse<ExecutionAccepted, CommandRejected>(new ForeignLaunchExecution
        {
            ExecutionId = valid.ExecutionId,
            RequestId = valid.RequestId,
            Template = JsonDocument.Parse(template).RootElement,
            ExtraVars = valid.ExtraVars,
            Credentials = JsonDocument.Parse(credentials).RootElement,
            LaunchedBy = valid.LaunchedBy,
        });

        Assert.That(response.Is(out Response<CommandRejected>? rejected), Is.True, "the launch is rejected");
        Assert.That(rejected!.Message.Reason, Is.EqualTo(RejectionReason.Invalid));
        Assert.That(rejected.Message.Detail, Does.Contain(detail));
        Assert.That(rejected.Message.ExecutionId, Is.EqualTo(valid.ExecutionId));
        Assert.That(await system.CountExecutionsAsync(valid.RequestId), Is.Zero);
        Assert.That(await system.AwxJobsMarkedAsync(marker), Is.Empty);
    }
}

using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>
/// Every endpoint and hub method against bad input (<see cref="BadInputCases"/>): a 4xx problem naming what is wrong
/// (a <see cref="HubException"/> on the hub), never a 500, and nothing stored, changed or sent to the Launcher.
/// </summary>
public sealed class BadInputTests
{
    private const long KnownJobId = 171;

    private GatewayEnvironment environment = null!;
    private HubConnection hub = null!;
    private Guid known;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        environment = await GatewayEnvironment.SharedAsync();
        known = await environment.Data.CreateRunningWithEventsAsync(KnownJobId, 20);
        hub = environment.Gateway.CreateHubConnection();
        await hub.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await hub.DisposeAsync();

    [TestCaseSource(typeof(BadInputCases), nameof(BadInputCases.Http))]
    public async Task Bad_request_is_answered_4xx_naming_the_problem_and_changes_nothing(BadRequest request)
    {
        var before = await environment.Data.FingerprintAsync();
        var commandsBefore = environment.Bus.LaunchCommands.Count;

        using var message = request.ToMessage(known, Guid.NewGuid());
        using var response = await environment.Gateway.Http.SendAsync(message);

        var problem = await Problems.ReadAsync(response, request.Expected);
        if (request.Field is not null)
        {
            Assert.That(problem.GetProperty("errors").TryGetProperty(request.Field, out _), Is.True, problem.GetRawText());
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(request.Field), problem.GetRawText());
        }

        Assert.That(await environment.Data.FingerprintAsync(), Is.EqualTo(before), "the database changed");
        Assert.That(environment.Bus.LaunchCommands, Has.Count.EqualTo(commandsBefore), "the Launcher was asked");
    }

    [TestCaseSource(typeof(BadInputCases), nameof(BadInputCases.Hub))]
    public async Task Bad_hub_call_fails_with_a_message_naming_the_problem_and_changes_nothing(BadHubCall call)
    {
        var before = await environment.Data.FingerprintAsync();

        var error = Assert.ThrowsAsync<HubException>(() => hub.InvokeCoreAsync(call.Method, call.ArgumentsFor(known, Guid.NewGuid())));

        Assert.That(error!.Message, Does.Contain(call.Message));
        Assert.That(await environment.Data.FingerprintAsync(), Is.EqualTo(before), "the database changed");
        Assert.That(hub.State, Is.EqualTo(HubConnectionState.Connected), "the connection survives a bad call");
    }

    [Test]
    public async Task A_bad_call_leaves_the_connection_usable()
    {
        Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("SubscribeToOutput", "not-a-uuid", 0L));

        await hub.InvokeAsync("SubscribeToOutput", known.ToString(), 0L);
        await hub.InvokeAsync("UnsubscribeFromOutput", known.ToString());
    }
}

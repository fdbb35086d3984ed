using Fabrik.Executions.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Hub method calls count against a limit per caller, as HTTP requests do.</summary>
public sealed class HubRateLimitTests
{
    private IsolatedInfrastructure infrastructure = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => infrastructure = await IsolatedInfrastructure.CreateAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await infrastructure.DisposeAsync();

    [Test]
    public async Task Caller_looping_on_SubscribeToOutput_is_refused_naming_the_limit_while_another_caller_is_not()
    {
        var settings = GatewayHost.Settings(infrastructure.Configuration);
        settings["Gateway:RateLimitBurst"] = "3";
        settings["Gateway:RateLimitPerSecond"] = "1";
        await using var data = TestExecutions.For(infrastructure.Postgres);
        await using var gateway = await GatewayHost.StartWithAsync(settings);
        var executionId = await data.CreateRunningWithEventsAsync(awxJobId: 91, events: 3);
        await using var looping = gateway.CreateHubConnection(GatewayHost.OperatorKey);
        await using var other = gateway.CreateHubConnection(GatewayHost.ViewerKey);
        await looping.StartAsync();
        await other.StartAsync();

        HubException? refused = null;
        for (var call = 0; call < 12 && refused is null; call++)
        {
            try
            {
                await looping.InvokeAsync("SubscribeToOutput", executionId, 0L);
            }
            catch (HubException exception)
            {
                refused = exception;
            }
        }

        Assert.That(refused, Is.Not.Null, "12 calls within a burst of 3 at 1 a second");
        Assert.That(refused!.Message, Does.Contain($"Too many hub calls from {GatewayHost.OperatorName}")
            .And.Contain("the limit is 3 at once and 1 a second"));
        Assert.DoesNotThrowAsync(() => other.InvokeAsync("SubscribeToOutput", executionId, 0L), "another caller is not limited by the first");
    }
}

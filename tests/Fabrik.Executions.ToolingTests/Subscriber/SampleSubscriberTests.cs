using Fabrik.Executions.Contracts;
using Fabrik.Executions.SampleSubscriber;
using Fabrik.Executions.Testing;
using Fabrik.Executions.ToolingTests.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.ToolingTests.Subscriber;

public sealed class SampleSubscriberTests
{
    [Test]
    public async Task The_sample_subscriber_receives_every_event_and_the_end_the_pipeline_publishes()
    {
        var pipeline = await ToolingPipeline.GetAsync();
        using var subscriber = SampleSubscriberApplication.Create([], new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = pipeline.Infrastructure.RabbitMq.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await subscriber.StartAsync();
        var ledger = subscriber.Services.GetRequiredService<ExecutionLedger>();

        var executionId = await Launches.SyntheticAsync(pipeline, events: 120, eventsPerSecond: 0, failedHosts: 1);

        var end = await Eventually.GetAsync(() => ledger.EndOf(executionId), "the sample subscriber to receive ExecutionFinished", CliRun.Deadline);
        await Eventually.TrueAsync(
            () => Task.FromResult(ledger.EventsOf(executionId).Count == 120), "the sample subscriber to hold all 120 events", CliRun.Deadline);
        Assert.That(end.Status, Is.EqualTo(ExecutionStatus.Failed));
        Assert.That(end.FinalCounter, Is.EqualTo(120));
        Assert.That(ledger.EventsOf(executionId).Select(jobEvent => jobEvent.Counter), Is.EqualTo(Enumerable.Range(1, 120).Select(counter => (long)counter)));
        Assert.That(ledger.EventsOf(executionId).Where(jobEvent => jobEvent.Failed).Select(jobEvent => jobEvent.Host), Has.Some.EqualTo("leaf-103.lab"));
        await subscriber.StopAsync();
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.StreamPoller.Publishing;
using Fabrik.Executions.Testing;
using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;

namespace Fabrik.Executions.IntegrationTests.Polling;

/// <summary>
/// The poller's per-event messages go out through the RabbitMQ client, not MassTransit: subscribers written against
/// MassTransit must get them exactly as MassTransit would have published them.
/// </summary>
public sealed class EventMessagePublisherTests
{
    private const string Exchange = "Fabrik.Executions.Contracts:JobEventReceived";

    [Test]
    public async Task Each_event_reaches_a_MassTransit_subscriber_whole_in_the_message_MassTransit_writes()
    {
        await using var infrastructure = await IsolatedInfrastructure.CreateAsync();
        await using var probe = await new BusProbe(infrastructure).Recording<JobEventReceived>().StartAsync();
        await using var publisher = new EventMessagePublisher(probe.Bus, Configuration(infrastructure.RabbitMq));
        await using var connection = await new ConnectionFactory { Uri = infrastructure.RabbitMq }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = await TapAsync(channel);
        var executionId = Guid.NewGuid();
        var page = new[] { SampleJobEvent.For(executionId, 1, host: "leaf-101.lab"), SampleJobEvent.For(executionId, 2, host: null), SampleJobEvent.For(executionId, 3, host: "leaf-102.lab") };

        await publisher.PublishAsync(page);
        await probe.Bus.Publish(page[0]);

        var arrived = await Eventually.GetAsync(
            () => probe.Received<JobEventReceived>().Where(e => e.ExecutionId == executionId).ToList() is { Count: 4 } all ? all : null,
            "the three events and MassTransit's own copy of the first");
        Assert.That(arrived.Select(e => e with { EventData = default }).Distinct(), Is.EquivalentTo(page.Select(e => e with { EventData = default })));
        Assert.That(arrived.All(got => JsonElement.DeepEquals(got.EventData, page.Single(e => e.Counter == got.Counter).EventData)), Is.True);

        var bodies = await Eventually.GetAsync(async () => await channel.BasicGetAsync(queue, autoAck: true) is { } delivery ? delivery : null, "a tapped message");
        var tapped = new List<string> { Encoding.UTF8.GetString(bodies.Body.Span) };
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } more)
        {
            tapped.Add(Encoding.UTF8.GetString(more.Body.Span));
        }

        var firstEvent = tapped.Select(body => JsonDocument.Parse(body)).Where(body => body.RootElement.GetProperty("message").GetProperty("counter").GetInt64() == 1).ToList();
        Assert.That(firstEvent, Has.Count.EqualTo(2), "the first event from this publisher and from MassTransit");
        Assert.That(firstEvent[0].RootElement.GetProperty("message").GetRawText(), Is.EqualTo(firstEvent[1].RootElement.GetProperty("message").GetRawText()),
            "the message as MassTransit serializes it");
        Assert.That(PropertyNames(firstEvent[0]), Is.EqualTo(PropertyNames(firstEvent[1])), "the envelope's properties, as MassTransit writes them");
        Assert.That(firstEvent.Select(body => body.RootElement.GetProperty("messageType")[0].GetString()), Is.All.EqualTo("urn:message:Fabrik.Executions.Contracts:JobEventReceived"));
        Assert.That(firstEvent.Select(body => body.RootElement.GetProperty("destinationAddress").GetString()).Distinct().Count(), Is.EqualTo(1), "the destination");
        Assert.That(firstEvent[0].RootElement.GetProperty("host").GetRawText(), Is.EqualTo(firstEvent[1].RootElement.GetProperty("host").GetRawText()), "the host");
        Assert.That(tapped, Has.All.Not.Contain("\n"), "indented JSON");
    }

    [Test]
    public async Task A_subscriber_consumes_each_event_in_the_trace_of_the_span_it_was_published_in()
    {
        var consumed = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or "poller-test",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (consumed)
                {
                    consumed.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var pollCycle = new ActivitySource("poller-test");
        await using var infrastructure = await IsolatedInfrastructure.CreateAsync();
        await using var probe = await new BusProbe(infrastructure).Recording<JobEventReceived>().StartAsync();
        await using var publisher = new EventMessagePublisher(probe.Bus, Configuration(infrastructure.RabbitMq));
        var executionId = Guid.NewGuid();

        ActivityTraceId traceId;
        using (var cycle = pollCycle.StartActivity("poll cycle"))
        {
            traceId = cycle!.TraceId;
            await publisher.PublishAsync([SampleJobEvent.For(executionId, 1, host: null), SampleJobEvent.For(executionId, 2, host: null)]);
        }

        await probe.WaitForAsync<JobEventReceived>(e => e.ExecutionId == executionId && e.Counter == 2, "the second event");
        await Eventually.TrueAsync(
            () =>
            {
                lock (consumed)
                {
                    return Task.FromResult(consumed.Count(activity => activity.Kind == ActivityKind.Consumer && activity.TraceId == traceId) >= 2);
                }
            },
            "a consumer span in the poll cycle's trace for each event");
    }

    [Test]
    public async Task After_the_broker_connection_is_lost_the_next_page_goes_out_on_a_new_one()
    {
        await using var infrastructure = await IsolatedInfrastructure.CreateAsync();
        await using var probe = await new BusProbe(infrastructure).Recording<JobEventReceived>().StartAsync();
        await using var lost = new TcpRelay(infrastructure.RabbitMq.Host, infrastructure.RabbitMq.Port);
        await using var replacement = new TcpRelay(infrastructure.RabbitMq.Host, infrastructure.RabbitMq.Port);
        var configuration = Configuration(Through(infrastructure.RabbitMq, lost));
        await using var publisher = new EventMessagePublisher(probe.Bus, configuration);
        var executionId = Guid.NewGuid();

        await publisher.PublishAsync([SampleJobEvent.For(executionId, 1, host: null)]);
        await lost.CutAsync();
        await Assert.ThatAsync(async () => await publisher.PublishAsync([SampleJobEvent.For(executionId, 2, host: null)]).WaitAsync(TimeSpan.FromSeconds(60)),
            Throws.Exception.Not.TypeOf<TimeoutException>(), "a publish on the lost connection fails, and soon");
        configuration["ConnectionStrings:RabbitMq"] = Through(infrastructure.RabbitMq, replacement).ToString();
        await publisher.PublishAsync([SampleJobEvent.For(executionId, 3, host: null)]);

        await Eventually.TrueAsync(
            () => Task.FromResult(probe.Received<JobEventReceived>().Where(e => e.ExecutionId == executionId).Select(e => e.Counter).Order().SequenceEqual([1L, 3L])),
            "the events published before the loss and after it");
    }

    private static IEnumerable<string> PropertyNames(JsonDocument body) => body.RootElement.EnumerateObject().Select(property => property.Name);

    private static IConfigurationRoot Configuration(Uri rabbitMq) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = rabbitMq.ToString() }).Build();

    private static Uri Through(Uri rabbitMq, TcpRelay relay) => new UriBuilder(rabbitMq) { Port = relay.Port }.Uri;

    // A queue of the test's own on the per-event exchange, to read the bodies as they travel.
    private static async Task<string> TapAsync(IChannel channel)
    {
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true);
        var queue = (await channel.QueueDeclareAsync()).QueueName;
        await channel.QueueBindAsync(queue, Exchange, "");
        return queue;
    }
}

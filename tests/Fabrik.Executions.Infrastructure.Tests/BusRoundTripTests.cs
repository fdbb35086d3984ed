using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Fabrik.Executions.Infrastructure.Tests;

public sealed class BusRoundTripTests
{
    [Test]
    public async Task A_contract_published_through_real_RabbitMQ_arrives_whole_on_the_default_exchange()
    {
        await using var infrastructure = await IsolatedInfrastructure.CreateAsync();
        var received = new TaskCompletionSource<JobEventReceived>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(infrastructure.Configuration);
        builder.Services.AddSingleton(received);
        builder.AddFabrikBus("round-trip", bus => bus.AddConsumer<RecordingConsumer>());
        using var host = builder.Build();
        await host.StartAsync();

        var sent = SampleJobEvent.For(Guid.NewGuid(), 7);
        await host.Services.GetRequiredService<IBus>().Publish(sent);

        var arrived = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(arrived with { EventData = default }, Is.EqualTo(sent with { EventData = default }));
        Assert.That(JsonElement.DeepEquals(arrived.EventData, sent.EventData), Is.True, arrived.EventData.GetRawText());
        Assert.That(await ExchangeExistsAsync(infrastructure, "Fabrik.Executions.Contracts:JobEventReceived"), Is.True,
            "other services bind to MassTransit's default exchange name");
        await host.StopAsync();
    }

    [Test]
    public async Task Messages_travel_as_compact_json()
    {
        await using var infrastructure = await IsolatedInfrastructure.CreateAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(infrastructure.Configuration);
        builder.AddFabrikBus("compact", _ => { });
        using var host = builder.Build();
        await host.StartAsync();
        var factory = new ConnectionFactory { Uri = infrastructure.RabbitMq };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        const string exchange = "Fabrik.Executions.Contracts:JobEventReceived";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        var queue = (await channel.QueueDeclareAsync()).QueueName;
        await channel.QueueBindAsync(queue, exchange, "");

        await host.Services.GetRequiredService<IBus>().Publish(SampleJobEvent.For(Guid.NewGuid(), 9));

        var body = await Eventually.GetAsync(
            async () => await channel.BasicGetAsync(queue, autoAck: true) is { } delivery ? Encoding.UTF8.GetString(delivery.Body.Span) : null,
            "the published message");
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("message").GetProperty("counter").GetInt64(), Is.EqualTo(9));
        Assert.That(body, Does.Not.Contain("\n"), "indented JSON");
        await host.StopAsync();
    }

    [Test]
    public void The_bus_sends_MassTransit_no_usage_telemetry()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = "amqp://guest:guest@127.0.0.1:5672/" });
        builder.AddFabrikBus("telemetry", _ => { });
        using var host = builder.Build();

        Assert.That(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled, Is.False);
    }

    [Test]
    public async Task A_page_of_events_published_through_real_RabbitMQ_arrives_whole_and_in_order_on_its_own_exchange()
    {
        await using var infrastructure = await IsolatedInfrastructure.CreateAsync();
        await using var probe = await new BusProbe(infrastructure).Recording<JobEventsReceived>().StartAsync();
        var executionId = Guid.NewGuid();
        var sent = JobEventsReceived.Of([SampleJobEvent.For(executionId, 7), SampleJobEvent.For(executionId, 8)]);

        await probe.Bus.Publish(sent);

        var arrived = await probe.WaitForAsync<JobEventsReceived>(page => page.ExecutionId == executionId, "the page");
        Assert.That(arrived.JobId, Is.EqualTo(sent.JobId));
        Assert.That(arrived.Events.Select(e => e with { EventData = default }), Is.EqualTo(sent.Events.Select(e => e with { EventData = default })));
        Assert.That(arrived.Events.Zip(sent.Events, (got, expected) => JsonElement.DeepEquals(got.EventData, expected.EventData)), Is.All.True);
        Assert.That(await ExchangeExistsAsync(infrastructure, "Fabrik.Executions.Contracts:JobEventsReceived"), Is.True,
            "other services bind to MassTransit's default exchange name");
    }

    private static async Task<bool> ExchangeExistsAsync(IsolatedInfrastructure infrastructure, string exchange)
    {
        var management = (await TestServers.GetAsync()).RabbitMqManagement;
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        var url = new Uri($"{management.Scheme}://{management.Host}:{management.Port}/api/exchanges/{infrastructure.Name}/{Uri.EscapeDataString(exchange)}");
        using var response = await client.GetAsync(url);
        return response.IsSuccessStatusCode;
    }

    public sealed class RecordingConsumer(TaskCompletionSource<JobEventReceived> received) : IConsumer<JobEventReceived>
    {
        public Task Consume(ConsumeContext<JobEventReceived> context)
        {
            received.TrySetResult(context.Message);
            return Task.CompletedTask;
        }
    }
}

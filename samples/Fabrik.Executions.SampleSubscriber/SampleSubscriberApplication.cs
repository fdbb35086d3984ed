using Fabrik.Executions.SampleSubscriber.Consumers;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fabrik.Executions.SampleSubscriber;

/// <summary>
/// The sample subscriber's host: one durable queue, <see cref="QueueName"/>, that MassTransit binds to the exchanges
/// of the messages its consumers take (<c>Fabrik.Executions.Contracts:JobEventReceived</c> and
/// <c>Fabrik.Executions.Contracts:ExecutionFinished</c>). Instances of the service share the queue and compete;
/// another service with its own queue gets its own copy of every message.
/// </summary>
public static class SampleSubscriberApplication
{
    public const string QueueName = "sample-subscriber";

    public static IHost Create(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        var rabbitMq = builder.Configuration.GetConnectionString("RabbitMq");
        if (!Uri.TryCreate(rabbitMq, UriKind.Absolute, out var rabbitMqUri) || rabbitMqUri.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException(
                "ConnectionStrings__RabbitMq must be the broker's AMQP URI, such as amqp://guest:guest@127.0.0.1:5672/ (the same broker and virtual host Fabrik.Executions publishes to).");
        }

        builder.Services.AddSingleton<ExecutionLedger>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<JobEventReceivedConsumer>();
            bus.AddConsumer<ExecutionFinishedConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(rabbitMqUri);
                rabbit.ReceiveEndpoint(QueueName, endpoint =>
                {
                    // Redelivery is expected (at least once): the consumers are idempotent, so retrying is safe.
                    endpoint.UseMessageRetry(retry => retry.Intervals(100, 500, 2_000));
                    endpoint.ConfigureConsumer<JobEventReceivedConsumer>(context);
                    endpoint.ConfigureConsumer<ExecutionFinishedConsumer>(context);
                });
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        return builder.Build();
    }
}

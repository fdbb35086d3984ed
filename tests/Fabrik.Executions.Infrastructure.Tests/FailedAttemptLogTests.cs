using Fabrik.Executions.Hosting;
using Fabrik.Executions.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fabrik.Executions.Infrastructure.Tests;

/// <summary>The bus every service shares logs each failed attempt, which a consumer's retry policy would otherwise swallow.</summary>
public sealed class FailedAttemptLogTests
{
    [Test]
    public async Task Each_failed_attempt_is_logged_with_its_reason_before_a_retry_succeeds()
    {
        await using var infrastructure = await IsolatedInfrastructure.CreateAsync();
        var service = $"attempts-{Guid.NewGuid():N}";
        var consumed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(infrastructure.Configuration);
        builder.Logging.AddProvider(new RecentServiceLogs(service));
        builder.Services.AddSingleton(consumed);
        builder.AddFabrikBus("attempts", bus => bus.AddConsumer<FailingTwiceConsumer, FailingTwiceConsumerDefinition>());
        using var host = builder.Build();
        await host.StartAsync();

        await host.Services.GetRequiredService<IBus>().Publish(new AttemptedMessage(Guid.NewGuid()));

        Assert.That(await consumed.Task.WaitAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(3), "attempts until the consumer succeeded");
        var failures = RecentServiceLogs.Since(0)
            .Where(line => line.Contains($" {service} Warning ", StringComparison.Ordinal) && line.Contains("FailedAttemptLogFilter", StringComparison.Ordinal))
            .ToList();
        Assert.That(failures, Has.Count.EqualTo(2), string.Join('\n', failures));
        Assert.That(failures[0], Does.Contain("AttemptedMessage").And.Contain("attempt 1").And.Contain(FailingTwiceConsumer.Reason));
        Assert.That(failures[1], Does.Contain("attempt 2").And.Contain(FailingTwiceConsumer.Reason));
        await host.StopAsync();
    }

    public sealed record AttemptedMessage(Guid Id);

    public sealed class FailingTwiceConsumer(TaskCompletionSource<int> consumed) : IConsumer<AttemptedMessage>
    {
        public const string Reason = "the database is not answering";

        public Task Consume(ConsumeContext<AttemptedMessage> context)
        {
            var attempt = context.GetRetryAttempt() + 1;
            if (attempt <= 2)
            {
                throw new TimeoutException(Reason);
            }

            consumed.TrySetResult(attempt);
            return Task.CompletedTask;
        }
    }

    public sealed class FailingTwiceConsumerDefinition : ConsumerDefinition<FailingTwiceConsumer>
    {
        protected override void ConfigureConsumer(
            IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<FailingTwiceConsumer> consumerConfigurator, IRegistrationContext context) =>
            endpointConfigurator.UseMessageRetry(retry => retry.Immediate(3));
    }
}

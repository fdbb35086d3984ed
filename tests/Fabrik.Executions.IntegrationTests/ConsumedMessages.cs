using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.IntegrationTests;

/// <summary>Counts the messages of one kind a service's consumers have finished with, so a test waits for them and not for time.</summary>
internal sealed class ConsumedMessages<T> : IConsumeMessageObserver<T>, IDisposable
    where T : class
{
    private readonly Func<T, bool> match;
    private readonly ConnectHandle observing;
    private int count;

    public ConsumedMessages(WebApplication service, Func<T, bool> match)
    {
        this.match = match;
        observing = service.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(this);
    }

    public int Count => Volatile.Read(ref count);

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<T> context)
    {
        if (match(context.Message))
        {
            Interlocked.Increment(ref count);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception) => Task.CompletedTask;

    public void Dispose() => observing.Dispose();
}

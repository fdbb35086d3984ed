using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fabrik.Executions.ChaosTests;

/// <summary>
/// A browser that does what the web app does: keeps one event per counter, and whenever its Gateway goes away or the
/// stream goes quiet before the end, connects again (to the next Gateway when its own is gone) and subscribes from the
/// last counter it holds without a gap.
/// </summary>
internal sealed class FailoverWatcher : IAsyncDisposable
{
    private static readonly TimeSpan QuietBeforeResume = TimeSpan.FromSeconds(5);
    private readonly IReadOnlyList<Uri> gateways;
    private readonly string apiKey;
    private readonly Guid executionId;
    private readonly ConcurrentDictionary<long, byte> counters = new();
    private readonly SemaphoreSlim reconnecting = new(1, 1);
    private HubConnection? connection;
    private int gatewayIndex;
    private long lastArrival = Stopwatch.GetTimestamp();

    public FailoverWatcher(IReadOnlyList<Uri> gateways, string apiKey, Guid executionId, int firstGateway)
    {
        this.gateways = gateways;
        this.apiKey = apiKey;
        this.executionId = executionId;
        gatewayIndex = firstGateway;
    }

    public int Count => counters.Count;

    public IEnumerable<long> Counters => counters.Keys.Order();

    public int Resumes { get; private set; }

    public TimeSpan LongestResume { get; private set; }

    public Task StartAsync() => ResumeAsync(moveOn: false);

    /// <summary>Called periodically: a stream quiet for a while before the end is resumed from the last counter held.</summary>
    public async Task ResumeIfQuietAsync(long expected)
    {
        if (Count < expected && Stopwatch.GetElapsedTime(Volatile.Read(ref lastArrival)) > QuietBeforeResume)
        {
            await ResumeAsync(moveOn: false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        reconnecting.Dispose();
    }

    private long ContiguousCounter()
    {
        var counter = 0L;
        while (counters.ContainsKey(counter + 1))
        {
            counter++;
        }

        return counter;
    }

    private async Task ResumeAsync(bool moveOn)
    {
        if (!await reconnecting.WaitAsync(0))
        {
            return;
        }

        var started = Stopwatch.StartNew();
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                if (moveOn || attempt > 0)
                {
                    gatewayIndex = (gatewayIndex + 1) % gateways.Count;
                }

                try
                {
                    await ConnectAsync();
                    break;
                }
                // A Gateway going down fails a connection in many ways (refused, reset, WebSocket closed mid-handshake);
                // all of them mean the same here: try the next one, for up to two minutes.
                catch (Exception) when (started.Elapsed < TimeSpan.FromMinutes(2))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250));
                }
            }

            Resumes++;
            LongestResume = started.Elapsed > LongestResume ? started.Elapsed : LongestResume;
            Volatile.Write(ref lastArrival, Stopwatch.GetTimestamp());
        }
        finally
        {
            reconnecting.Release();
        }
    }

    private async Task ConnectAsync()
    {
        if (connection is not null)
        {
            var previous = connection;
            connection = null;
            await previous.DisposeAsync();
        }

        var next = new HubConnectionBuilder()
            .WithUrl(new Uri(gateways[gatewayIndex], "/hubs/executions"), options => options.Headers["X-Api-Key"] = apiKey)
            .Build();
        next.On<Guid, JsonElement>("JobEvents", (_, batch) =>
        {
            foreach (var item in batch.EnumerateArray())
            {
                counters.TryAdd(item.GetProperty("counter").GetInt64(), 0);
            }

            Volatile.Write(ref lastArrival, Stopwatch.GetTimestamp());
        });
        next.Closed += _ => ReferenceEquals(connection, next) ? ResumeAsync(moveOn: true) : Task.CompletedTask;
        await next.StartAsync();
        connection = next;
        await next.InvokeAsync("SubscribeToOutput", executionId, ContiguousCounter());
    }
}

using System.Text.Json.Nodes;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.IntegrationTests.Polling;

/// <summary>The signs that a poller holds an execution keep their pace however slowly AWX answers.</summary>
public sealed class HeartbeatTests
{
    private const int HeartbeatsToWatch = 5;
    private PollingSession session = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => session = await SharedPollingPipeline.SessionAsync();

    [TearDown]
    public void ClearFaults() => session.Pipeline.Awx.Faults = new FaultSettings();

    [Test]
    public async Task Heartbeats_keep_their_pace_and_the_poller_its_lease_while_every_AWX_call_takes_longer_than_a_heartbeat()
    {
        var heartbeat = TimeSpan.FromSeconds(SharedPollingPipeline.HeartbeatSeconds);
        // Long enough that the job still runs after the heartbeats watched under the slow AWX.
        var executionId = await session.Gateway.LaunchSyntheticAsync(new JsonObject
        {
            ["emulator_events"] = 400, ["emulator_hosts"] = 2, ["emulator_events_per_second"] = 10,
        });
        await Eventually.TrueAsync(
            async () => (await StoredEvents.ReadAsync(session.Pipeline.Infrastructure, executionId)).Rows > 0, "streaming to be under way", PollingSession.Deadline);

        // Every AWX call takes longer than a heartbeat period and than the 10 s lease.
        session.Pipeline.Awx.Faults = new FaultSettings { LatencyMs = 11_000 };
        var slowSince = DateTimeOffset.UtcNow;
        var redis = session.Pipeline.GatewayServices.GetRequiredService<RedisKeyspace>().Database;
        var leaseHolders = new List<string>();
        var heartbeats = await Eventually.GetAsync(
            async () =>
            {
                var lease = await redis.StringGetAsync(RedisStreamKeys.Lease(executionId));
                leaseHolders.Add(lease.HasValue ? lease.ToString() : "");
                var since = HeartbeatsOf(executionId).Where(beat => beat.SentAt >= slowSince).ToList();
                return since.Count >= HeartbeatsToWatch ? since : null;
            },
            $"{HeartbeatsToWatch} heartbeats while AWX is slow",
            PollingSession.Deadline);
        session.Pipeline.Awx.Faults = new FaultSettings();

        var gaps = heartbeats.Zip(heartbeats.Skip(1), (earlier, later) => later.SentAt - earlier.SentAt).ToList();
        Assert.That(gaps, Is.All.LessThanOrEqualTo(heartbeat * 1.5), $"gaps between heartbeats: {string.Join(", ", gaps)}");
        Assert.That(leaseHolders.Distinct(), Is.EqualTo(new[] { leaseHolders[0] }), "one holder throughout, however long its AWX calls took");
        Assert.That(leaseHolders[0], Is.Not.Empty, "a poller held the lease");
        var execution = await session.Gateway.WaitForResultsAsync(executionId, PollingSession.Deadline);
        Assert.That(execution.GetProperty("complete").GetBoolean(), Is.True);
        Assert.That(await StoredEvents.ReadAsync(session.Pipeline.Infrastructure, executionId), Is.EqualTo(new StoredEvents(400, 400, 1, 400)));
    }

    private List<StreamHeartbeat> HeartbeatsOf(Guid executionId) =>
        session.Probe.Received<StreamHeartbeat>().Where(beat => beat.ExecutionId == executionId).OrderBy(beat => beat.SentAt).ToList();
}

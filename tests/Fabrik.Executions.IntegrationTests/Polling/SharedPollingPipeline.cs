using Fabrik.Executions.Testing;

namespace Fabrik.Executions.IntegrationTests.Polling;

/// <summary>One polling session for the fixtures of this folder; started on first use, stopped after all of them.</summary>
[SetUpFixture]
public sealed class SharedPollingPipeline
{
    /// <summary>The bounded wait for AWX after a job ends: well past the finish-rule test's 4 s delay, short enough to wait out.</summary>
    public const int MissingEventsWaitSeconds = 10;

    public const int HeartbeatSeconds = 5;

    private static readonly SharedFixture<PollingSession> Shared = new(() => PollingSession.StartAsync(new Dictionary<string, string?>
    {
        ["Poller:MissingEventsWaitSeconds"] = MissingEventsWaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Poller:HeartbeatSeconds"] = HeartbeatSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }));

    internal static Task<PollingSession> SessionAsync() => Shared.GetAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await Shared.DisposeAsync();
}

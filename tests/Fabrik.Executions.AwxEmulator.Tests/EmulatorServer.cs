using Fabrik.Executions.AwxEmulator.Hosting;

namespace Fabrik.Executions.AwxEmulator.Tests;

/// <summary>One emulator for the whole test run, on a free port of 127.0.0.1.</summary>
[SetUpFixture]
public sealed class EmulatorServer
{
    public const string Token = "emulator-tests-token";

    public static AwxEmulatorHost Host { get; private set; } = null!;

    public static AwxEmulatorOptions FastOptions() => new() { Token = Token, PendingDelayMs = 5, WaitingDelayMs = 5 };

    [OneTimeSetUp]
    public async Task StartAsync() => Host = await AwxEmulatorHost.StartAsync(FastOptions(), CancellationToken.None);

    [OneTimeTearDown]
    public async Task StopAsync() => await Host.DisposeAsync();
}

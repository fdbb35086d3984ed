using Fabrik.Executions.Hosting;

namespace Fabrik.Executions.Watchdog;

/// <summary>The Watchdog, built the same way by Program.cs and by tests.</summary>
public static class WatchdogApplication
{
    public const string ServiceName = "Fabrik.Executions.Watchdog";

    public static WebApplication Create(string[] args, IReadOnlyDictionary<string, string?>? overrides = null) =>
        FabrikApplication.Create(ServiceName, args, overrides, builder => builder.AddWatchdog());
}

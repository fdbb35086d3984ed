using Fabrik.Executions.Hosting;

namespace Fabrik.Executions.Launcher;

/// <summary>The Launcher, built the same way by Program.cs and by tests.</summary>
public static class LauncherApplication
{
    public const string ServiceName = "Fabrik.Executions.Launcher";

    public static WebApplication Create(string[] args, IReadOnlyDictionary<string, string?>? overrides = null) =>
        FabrikApplication.Create(ServiceName, args, overrides, builder => builder.AddLauncher());
}

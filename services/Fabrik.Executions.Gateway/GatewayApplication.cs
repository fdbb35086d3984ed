using Fabrik.Executions.Hosting;

namespace Fabrik.Executions.Gateway;

/// <summary>The Gateway, built the same way by Program.cs and by the tests.</summary>
public static class GatewayApplication
{
    public const string ServiceName = "Fabrik.Executions.Gateway";

    public static WebApplication Create(string[] args, IReadOnlyDictionary<string, string?>? overrides = null) =>
        FabrikApplication.Create(ServiceName, args, overrides, builder => builder.AddGateway(), app => app.MapGateway());
}

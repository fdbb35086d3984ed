using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Fabrik.Executions.Hosting;

/// <summary>
/// Builds a service the same way in production and in tests: command line and environment first, then any
/// <c>overrides</c> (tests point a service at their own database and virtual host this way), then the service's own
/// wiring and endpoints on top of the shared defaults.
/// </summary>
public static class FabrikApplication
{
    public static WebApplication Create(
        string serviceName,
        string[] args,
        IReadOnlyDictionary<string, string?>? overrides,
        Action<WebApplicationBuilder> addServices,
        Action<WebApplication>? mapEndpoints = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.AddServiceDefaults(serviceName);
        addServices(builder);

        var app = builder.Build();
        app.MapServiceDefaults();
        mapEndpoints?.Invoke(app);
        return app;
    }
}

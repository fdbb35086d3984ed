using Fabrik.Executions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Fabrik.Executions.Infrastructure.Tests;

public sealed class ServiceDefaultsTests
{
    [Test]
    public void Spans_are_recorded_only_for_a_configured_collector()
    {
        Assert.That(TracerOf(otlpEndpoint: null), Is.Null, "without a collector, spans would go nowhere");
        Assert.That(TracerOf(otlpEndpoint: "http://127.0.0.1:4318"), Is.Not.Null);
    }

    private static TracerProvider? TracerOf(string? otlpEndpoint)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [ServiceDefaultsExtensions.OtlpEndpointKey] = otlpEndpoint });
        builder.AddServiceDefaults("defaults-test");
        using var host = builder.Build();
        return host.Services.GetService<TracerProvider>();
    }
}

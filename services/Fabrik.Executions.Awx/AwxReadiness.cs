using Fabrik.Executions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Awx;

/// <summary>
/// Makes a service ready only while AWX answers: AWX's <c>/api/v2/ping/</c>, which needs no token, so a refused
/// token (which the streams explain on the execution) does not take the service out of rotation.
/// </summary>
public static class AwxReadiness
{
    public const string PingPath = "/api/v2/ping/";

    public static IHostApplicationBuilder AddAwxReadiness(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddUrlGroup(
            provider => new Uri(provider.GetRequiredService<IOptions<AwxOptions>>().Value.BaseUrl!, PingPath),
            name: "awx",
            tags: [ServiceDefaultsExtensions.ReadyTag],
            timeout: TimeSpan.FromSeconds(5));
        return builder;
    }
}

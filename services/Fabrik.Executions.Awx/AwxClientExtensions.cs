using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;

namespace Fabrik.Executions.Awx;

public static class AwxClientExtensions
{
    /// <summary>
    /// The AWX client with the standard resilience pipeline: timeouts, retries with exponential backoff and jitter on
    /// transient failures (never for POST: a repeated launch would make a second job), and a circuit breaker.
    /// </summary>
    public static IHostApplicationBuilder AddAwxClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AwxOptions>()
            .Bind(builder.Configuration.GetSection(AwxOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddTransient<AwxBearerTokenHandler>();
        builder.Services.AddTransient<AwxResponseTextHandler>();
        builder.Services.AddSingleton<AwxMetrics>();
        builder.Services.AddTransient<AwxRequestMeter>();

        builder.Services
            .AddRefitGeneratedClient<IAwxApi>(new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(AwxJson.Options) })
            .ConfigureHttpClient((provider, client) =>
                client.BaseAddress = provider.GetRequiredService<IOptions<AwxOptions>>().Value.BaseUrl)
            .AddHttpMessageHandler<AwxRequestMeter>()
            .AddHttpMessageHandler<AwxBearerTokenHandler>()
            .AddHttpMessageHandler<AwxResponseTextHandler>()
            .RedactLoggedHeaders(["Authorization"])
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
            {
                var timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<AwxOptions>>().Value.RequestTimeoutSeconds);
                resilience.AttemptTimeout.Timeout = timeout;
                resilience.TotalRequestTimeout.Timeout = timeout * 3;
                resilience.CircuitBreaker.SamplingDuration = timeout * 2;
                resilience.Retry.DisableForUnsafeHttpMethods();
            });

        builder.Services.AddSingleton<AwxClient>();
        return builder;
    }
}

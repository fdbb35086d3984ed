using Fabrik.Executions.Awx;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.AwxEmulator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Fabrik.Executions.IntegrationTests.Reliability;

/// <summary>The AWX client's resilience pipeline, as the services wire it, against the emulator's faults.</summary>
public sealed class AwxResilienceTests
{
    private AwxEmulatorHost awx = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => awx = await AwxEmulatorHost.StartAsync(new AwxEmulatorOptions(), CancellationToken.None);

    [TearDown]
    public void ClearFaults() => awx.Faults = new FaultSettings();

    [OneTimeTearDown]
    public async Task StopAsync() => await awx.DisposeAsync();

    [Test]
    public async Task A_burst_of_server_errors_is_retried_away_with_backoff()
    {
        // Long enough for two backoffs (about 2 s, then 4 s) within the total timeout of three attempts.
        using var services = AwxServices(timeoutSeconds: 10);
        awx.Faults = new FaultSettings { ServerErrorBurst = 2 };

        var template = await services.GetRequiredService<AwxClient>().Api.GetJobTemplateAsync(1, CancellationToken.None);

        Assert.That(template.GetProperty("id").GetInt32(), Is.EqualTo(1), "the third attempt got through");
    }

    [Test]
    public void An_AWX_that_does_not_answer_fails_the_call_at_the_timeout_instead_of_hanging()
    {
        using var services = AwxServices(timeoutSeconds: 1);
        awx.Faults = new FaultSettings { LatencyMs = 60_000 };

        var failure = Assert.ThrowsAsync<ApiRequestException>(() => services.GetRequiredService<AwxClient>().Api.GetJobTemplateAsync(1, CancellationToken.None));
        Assert.That(failure!.InnerException, Is.InstanceOf<TimeoutRejectedException>());
    }

    [Test]
    public async Task An_AWX_that_keeps_failing_opens_the_circuit_and_is_left_alone()
    {
        using var services = AwxServices(timeoutSeconds: 1);
        var api = services.GetRequiredService<AwxClient>().Api;
        awx.Faults = new FaultSettings { ServerErrorRate = 1 };

        // The standard breaker opens after 100 attempts of which a tenth failed.
        var calls = await Task.WhenAll(Enumerable.Range(0, 120).Select(async _ =>
        {
            try
            {
                await api.GetJobTemplateAsync(1, CancellationToken.None);
                return null;
            }
            catch (ApiRequestException exception)
            {
                return exception.InnerException;
            }
            catch (ApiException exception)
            {
                return exception;
            }
        }));
        awx.Faults = new FaultSettings();

        Assert.That(calls.OfType<BrokenCircuitException>(), Is.Not.Empty, "calls made once the circuit opened");
        var healthy = Assert.ThrowsAsync<ApiRequestException>(() => api.GetJobTemplateAsync(1, CancellationToken.None));
        Assert.That(healthy!.InnerException, Is.InstanceOf<BrokenCircuitException>(), "while the circuit is open, even a healthy AWX is not called");
    }

    private ServiceProvider AwxServices(int timeoutSeconds)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Awx:BaseUrl"] = awx.BaseUrl.ToString(),
            ["Awx:Token"] = awx.Token,
            ["Awx:RequestTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.AddAwxClient();
        return (ServiceProvider)builder.Build().Services;
    }
}

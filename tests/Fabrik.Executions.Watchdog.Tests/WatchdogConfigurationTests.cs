using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Watchdog.Tests;

public sealed class WatchdogConfigurationTests
{
    [TestCase("Watchdog:SweepIntervalMilliseconds", "0")]
    [TestCase("Watchdog:PendingTimeoutSeconds", "1")]
    [TestCase("Watchdog:ResultsTimeoutSeconds", "-5")]
    [TestCase("Watchdog:ResumeRepeatSeconds", "99999")]
    [TestCase("Watchdog:LaunchGraceSeconds", "-1")]
    [TestCase("Retention:MaxAgeDays", "0")]
    [TestCase("Retention:EventBatchSize", "0")]
    public async Task A_setting_out_of_range_stops_start_up_naming_the_key(string key, string value)
    {
        var failure = await StartUpFailureAsync(key, value);

        Assert.That(failure.Message, Does.Contain(key + " must be between"));
    }

    [Test]
    public async Task Retention_of_an_active_status_stops_start_up()
    {
        var failure = await StartUpFailureAsync("Retention:Statuses:0", "running");

        Assert.That(failure.Message, Does.Contain("Retention:Statuses may name only terminal statuses"));
    }

    private static async Task<OptionsValidationException> StartUpFailureAsync(string key, string value)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Database=unused",
            ["ConnectionStrings:Redis"] = "127.0.0.1:6379",
            ["ConnectionStrings:RabbitMq"] = "amqp://127.0.0.1:5672/",
            ["Awx:BaseUrl"] = "http://127.0.0.1:8052",
            ["Awx:Token"] = "unused",
            [key] = value,
        };
        await using var app = WatchdogApplication.Create(["--urls", "http://127.0.0.1:0"], configuration);

        return Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync())!;
    }
}

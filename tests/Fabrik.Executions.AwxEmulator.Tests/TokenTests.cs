using Fabrik.Executions.AwxEmulator.Hosting;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class TokenTests
{
    [Test]
    public async Task Token_is_read_from_the_token_file()
    {
        var tokenFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(tokenFile, "from-a-file\n");

            await using var host = await AwxEmulatorHost.StartAsync(new AwxEmulatorOptions { TokenFile = tokenFile }, CancellationToken.None);
            using var client = host.CreateClient();
            using var response = await client.GetAsync("/api/v2/job_templates/");

            Assert.That(host.Token, Is.EqualTo("from-a-file"));
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Test]
    public async Task Without_any_token_configured_a_random_one_is_generated()
    {
        await using var first = await AwxEmulatorHost.StartAsync(new AwxEmulatorOptions(), CancellationToken.None);
        await using var second = await AwxEmulatorHost.StartAsync(new AwxEmulatorOptions(), CancellationToken.None);

        Assert.That(first.Token, Has.Length.GreaterThanOrEqualTo(32));
        Assert.That(first.Token, Is.Not.EqualTo(second.Token));
    }
}

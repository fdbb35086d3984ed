using Fabrik.Executions.Hosting;
using StackExchange.Redis;

namespace Fabrik.Executions.UnitTests;

public sealed class RedisConnectionDefaultsTests
{
    [Test]
    public void A_connection_keeps_retrying_and_completes_replies_on_the_thread_pool()
    {
        var configuration = ConfigurationOptions.Parse("127.0.0.1:6379,password=secret,abortConnect=true").WithConnectionDefaults();

        Assert.That(configuration.AbortOnConnectFail, Is.False);
        Assert.That(configuration.SocketManager, Is.SameAs(SocketManager.ThreadPool));
        Assert.That((configuration.EndPoints.Single().ToString(), configuration.Password), Is.EqualTo(("127.0.0.1:6379", "secret")));
    }
}

namespace Fabrik.Executions.Testing;

/// <summary>
/// The real servers for this test process: containers where a Docker engine answers, otherwise the local stack's.
/// Resolved once; every fixture then carves out its own database and RabbitMQ virtual host.
/// </summary>
public static class TestServers
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ServerEndpoints? endpoints;

    public static async Task<ServerEndpoints> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return endpoints ??= await DockerEngine.AnswersAsync() ? await ContainerServers.StartAsync() : LocalServers.Endpoints();
        }
        finally
        {
            Gate.Release();
        }
    }
}

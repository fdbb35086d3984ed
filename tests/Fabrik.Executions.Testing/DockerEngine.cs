using System.Net.Sockets;

namespace Fabrik.Executions.Testing;

/// <summary>Tells whether a Docker engine answers on this machine, so tests can choose Testcontainers or local servers.</summary>
internal static class DockerEngine
{
    private const string SocketPath = "/var/run/docker.sock";

    public static async Task<bool> AnswersAsync()
    {
        if (Environment.GetEnvironmentVariable("FABRIK_TEST_SERVERS") == "local")
        {
            return false;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")))
        {
            return true;
        }

        if (!File.Exists(SocketPath))
        {
            return false;
        }

        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri("http://docker/_ping"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException or TaskCanceledException)
        {
            return false;
        }
    }
}

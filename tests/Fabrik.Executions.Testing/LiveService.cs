using System.Net;
using System.Net.Sockets;

namespace Fabrik.Executions.Testing;

/// <summary>A <see cref="ServiceProcess"/> on a free loopback port of its own, started and waited on until its <c>/health/live</c> answers.</summary>
public sealed class LiveService : IDisposable
{
    private static readonly HttpClient Health = new() { Timeout = TimeSpan.FromSeconds(2) };

    private LiveService(ServiceProcess process, int port)
    {
        Process = process;
        Url = new Uri($"http://127.0.0.1:{port}");
    }

    public ServiceProcess Process { get; }

    public Uri Url { get; }

    public static async Task<LiveService> StartAsync(
        string name, string assemblyName, IReadOnlyDictionary<string, string?> configuration, TimeSpan deadline)
    {
        var port = FreePort();
        var process = ServiceProcess.Start(assemblyName, configuration, $"http://127.0.0.1:{port}");
        var service = new LiveService(process, port);
        try
        {
            await Eventually.TrueAsync(
                async () => !process.HasExited && await service.AnswersAsync(),
                $"{name} to answer /health/live; its output:{Environment.NewLine}{process.RecentOutput}",
                deadline);
            return service;
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    public void Dispose() => Process.Dispose();

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await Health.GetAsync(new Uri(Url, "/health/live"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

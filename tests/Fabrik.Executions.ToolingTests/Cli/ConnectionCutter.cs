using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Fabrik.Executions.ToolingTests.Cli;

/// <summary>
/// A TCP relay in front of the Gateway that can cut every connection through it at once, as a load balancer or a
/// network failure does, while new connections still get through.
/// </summary>
internal sealed class ConnectionCutter : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Uri target;
    private readonly ConcurrentDictionary<TcpClient, TcpClient> open = new();
    private readonly CancellationTokenSource stop = new();
    private int accepted;

    public ConnectionCutter(Uri target)
    {
        this.target = target;
        listener.Start();
        _ = AcceptAsync(stop.Token);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    /// <summary>How many connections came through so far.</summary>
    public int Accepted => Volatile.Read(ref accepted);

    public void CutAll()
    {
        foreach (var (client, upstream) in open)
        {
            client.Client.Close(0);
            upstream.Client.Close(0);
            open.TryRemove(client, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        CutAll();
        stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref accepted);
            var upstream = new TcpClient();
            await upstream.ConnectAsync(target.Host, target.Port, cancellationToken);
            open[client] = upstream;
            _ = PumpAsync(client.GetStream(), upstream.GetStream(), cancellationToken);
            _ = PumpAsync(upstream.GetStream(), client.GetStream(), cancellationToken);
        }
    }

    private static async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
    {
        try
        {
            await from.CopyToAsync(to, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
        }
        finally
        {
            from.Socket.Close(0);
            to.Socket.Close(0);
        }
    }
}

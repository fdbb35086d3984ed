using System.Net;
using System.Net.Sockets;

namespace Fabrik.Executions.Testing;

/// <summary>
/// A loopback port that forwards to a real server until the test cuts it: a service pointed here loses that
/// server the way it would lose it on the network, while the shared server itself keeps running for everyone else.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource cut = new();
    private readonly List<TcpClient> open = [];
    private readonly string targetHost;
    private readonly int targetPort;

    public TcpRelay(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Closes every relayed connection and refuses new ones.</summary>
    public async Task CutAsync()
    {
        await cut.CancelAsync();
        listener.Stop();
        lock (open)
        {
            open.ForEach(client => client.Dispose());
            open.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CutAsync();
        cut.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (await AcceptOneAsync() is { } inbound)
        {
            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(targetHost, targetPort, cut.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (open)
            {
                open.Add(inbound);
                open.Add(outbound);
            }

            _ = PumpAsync(inbound.GetStream(), outbound.GetStream());
            _ = PumpAsync(outbound.GetStream(), inbound.GetStream());
        }
    }

    private async Task<TcpClient?> AcceptOneAsync()
    {
        try
        {
            return await listener.AcceptTcpClientAsync(cut.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            return null;
        }
    }

    private async Task PumpAsync(Stream from, Stream to)
    {
        try
        {
            await from.CopyToAsync(to, cut.Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            // One side closing closes the other, as a dropped connection does.
            await from.DisposeAsync();
            await to.DisposeAsync();
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Fabrik.Executions.IntegrationTests.Observability;

/// <summary>
/// A collector's OTLP/HTTP endpoint in the test: keeps every export request's body by signal (traces, metrics, logs).
/// Bodies stay protobuf; the tests look for the strings they expect in them, which protobuf stores as UTF-8.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> exports = new();

    private OtlpReceiver(WebApplication app) => this.app = app;

    public Uri Url => Pipeline.AddressOf(app);

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = new OtlpReceiver(builder.Build());
        receiver.app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver.exports.Enqueue((signal, body.ToArray()));
            return Results.Ok();
        });
        await receiver.app.StartAsync();
        return receiver;
    }

    /// <summary>True once an export of <paramref name="signal"/> contained every one of <paramref name="texts"/>.</summary>
    public bool Received(string signal, params string[] texts) =>
        exports.Any(export => export.Signal == signal
                              && texts.All(text => export.Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

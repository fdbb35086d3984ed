using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace Fabrik.Executions.Gateway.Output;

/// <summary>
/// Writes text and JSON values to a response body as they come, handing each chunk to the client once enough is
/// buffered: a download of any size holds one chunk in memory, and a slow client slows the reading down rather than
/// piling output up in the Gateway.
/// </summary>
public sealed class ResponseBodyWriter : IAsyncDisposable
{
    public const int ChunkBytes = 32 * 1024;

    private readonly PipeWriter body;
    private readonly Utf8JsonWriter json;
    private readonly JsonSerializerOptions options;
    private long unflushed;

    public ResponseBodyWriter(PipeWriter body, JsonSerializerOptions options)
    {
        this.body = body;
        this.options = options;
        json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = options.Encoder });
    }

    public ValueTask WriteAsync(string text, CancellationToken cancellationToken)
    {
        unflushed += Encoding.UTF8.GetBytes(text, body);
        return FlushWhenFullAsync(cancellationToken);
    }

    /// <summary>One JSON value, not followed by anything.</summary>
    public async ValueTask WriteJsonAsync<T>(T value, CancellationToken cancellationToken)
    {
        JsonSerializer.Serialize(json, value, options);
        // Only hands the bytes to the body's buffer; FlushWhenFullAsync sends them.
        await json.FlushAsync(cancellationToken);
        unflushed += json.BytesCommitted;
        json.Reset();
        await FlushWhenFullAsync(cancellationToken);
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        unflushed = 0;
        await body.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => json.DisposeAsync();

    private ValueTask FlushWhenFullAsync(CancellationToken cancellationToken) =>
        unflushed >= ChunkBytes ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
}

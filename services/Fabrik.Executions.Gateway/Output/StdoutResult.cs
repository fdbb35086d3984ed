using System.Text.Json;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Output;

/// <summary>
/// The whole output of an execution, job by job in counter order, streamed from the database to the client event by
/// event, so outputs of any size pass through without being held whole.
/// </summary>
public sealed class StdoutResult(JobEventQueries events, Guid executionId, StdoutFormat format, JsonSerializerOptions json) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var cancellationToken = httpContext.RequestAborted;
        httpContext.Response.ContentType = format == StdoutFormat.Ndjson ? "application/x-ndjson; charset=utf-8" : "text/plain; charset=utf-8";
        await using var writer = new ResponseBodyWriter(httpContext.Response.BodyWriter, json);
        if (format == StdoutFormat.Ndjson)
        {
            await foreach (var jobEvent in events.StreamAsync(executionId, cancellationToken))
            {
                await writer.WriteJsonAsync(jobEvent, cancellationToken);
                await writer.WriteAsync("\n", cancellationToken);
            }
        }
        else
        {
            await foreach (var stdout in events.StreamStdoutAsync(executionId, cancellationToken))
            {
                await writer.WriteAsync(format == StdoutFormat.Txt ? PlainText(stdout) : stdout + "\r\n", cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string PlainText(string stdout) => AnsiEscapes.Strip(stdout).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
}

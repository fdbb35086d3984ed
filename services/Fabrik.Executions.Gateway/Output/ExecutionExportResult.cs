using System.Text.Json;
using Fabrik.Executions.Gateway.Api;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Output;

/// <summary>
/// Every execution a filter matches, newest first, as a CSV file or a JSON array of executions, written as the rows
/// are read.
/// </summary>
public sealed class ExecutionExportResult(IAsyncEnumerable<ExecutionRecord> executions, ExportFormat format, JsonSerializerOptions json)
    : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var cancellationToken = httpContext.RequestAborted;
        var response = httpContext.Response;
        response.ContentType = format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"executions.{(format == ExportFormat.Csv ? "csv" : "json")}\"";
        await using var writer = new ResponseBodyWriter(response.BodyWriter, json);
        await writer.WriteAsync(format == ExportFormat.Csv ? ExecutionCsv.Header : "[", cancellationToken);
        var first = true;
        await foreach (var execution in executions.WithCancellation(cancellationToken))
        {
            if (format == ExportFormat.Csv)
            {
                await writer.WriteAsync(ExecutionCsv.Row(execution), cancellationToken);
                continue;
            }

            if (!first)
            {
                await writer.WriteAsync(",", cancellationToken);
            }

            first = false;
            await writer.WriteJsonAsync(ExecutionResource.From(execution), cancellationToken);
        }

        if (format == ExportFormat.Json)
        {
            await writer.WriteAsync("]", cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fabrik.Executions.Hosting;

/// <summary>
/// Writes a health report as <c>{ "status", "checks": { name: status } }</c>, so an operator sees which dependency a
/// failing probe is about. Only names and statuses: check descriptions and exceptions may quote connection details.
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Status.ToString()),
        }, cancellationToken: context.RequestAborted);
    }
}

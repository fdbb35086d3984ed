using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>
/// A database that is restarting or briefly out of reach (a pooled connection the restart killed) fails a request
/// the caller can simply send again: answer 503 saying so, rather than a 500 that reads like a bug.
/// </summary>
internal sealed partial class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not NpgsqlException { IsTransient: true } transient)
        {
            return false;
        }

        LogDatabaseUnavailable(logger, transient, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "The database is briefly unavailable; send the request again (a launch with the same request_id never launches twice).",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable while answering {Path}; answered 503")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, string path);
}

using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Auth;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>The problem answers the API gives beyond field validation.</summary>
public static class ApiProblems
{
    private const string NotJsonDetail = "The body must be JSON: send it with Content-Type: application/json.";

    public static IResult ExecutionNotFound(Guid executionId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Execution {executionId} does not exist.");

    /// <summary>The Launcher refused the command: its reason decides the status, its words are the detail.</summary>
    public static IResult Rejected(CommandRejected rejection) => TypedResults.Problem(
        statusCode: rejection.Reason switch
        {
            RejectionReason.Invalid => StatusCodes.Status400BadRequest,
            RejectionReason.NotFound => StatusCodes.Status404NotFound,
            RejectionReason.Conflict => StatusCodes.Status409Conflict,
            RejectionReason.Unprocessable => StatusCodes.Status422UnprocessableEntity,
            _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection.Reason, "Unknown rejection reason."),
        },
        detail: rejection.Detail);

    public static IResult LauncherDidNotAnswer(int timeoutSeconds) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        detail: $"The Launcher did not answer within {timeoutSeconds} s. Nothing may have been launched yet; "
                + "send the same request again with the same request_id, which never launches twice.");

    public static IResult LauncherFailed() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        detail: "The Launcher failed while handling the command. Send the same request again with the same request_id, "
                + "which never launches twice.");

    public static IResult NotJson() =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: NotJsonDetail);

    public static IResult BodyUnreadable(BadHttpRequestException exception) =>
        TypedResults.Problem(statusCode: exception.StatusCode, detail: exception.Message);

    /// <summary>
    /// Gives the problems routing answers on its own (no such path, wrong method, not JSON) a detail that says what
    /// is wrong, like every other problem.
    /// </summary>
    public static void AddMissingDetail(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
        {
            StatusCodes.Status401Unauthorized => request.Headers.ContainsKey(CallerCredentials.ApiKeyHeader)
                ? $"The API key in {CallerCredentials.ApiKeyHeader} is not one the Gateway knows."
                : $"This needs credentials: an API key in the {CallerCredentials.ApiKeyHeader} header, or a bearer token in Authorization.",
            StatusCodes.Status403Forbidden =>
                $"{Caller.From(context.HttpContext.User).Name} may not do this: reading needs the {GatewayRoles.Viewer} or "
                + $"{GatewayRoles.Operator} role; launching, canceling, relaunching and deciding approvals need {GatewayRoles.Operator}.",
            StatusCodes.Status404NotFound => $"Nothing is at {request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}.",
            StatusCodes.Status415UnsupportedMediaType => NotJsonDetail,
            StatusCodes.Status500InternalServerError => "The Gateway failed on this request; its log has the cause.",
            _ => null,
        };
    }
}

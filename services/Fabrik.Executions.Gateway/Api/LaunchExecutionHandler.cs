using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Gateway.Auth;
using Fabrik.Executions.Storage;
using MassTransit;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>
/// <c>POST /api/v1/executions</c>: validates, asks the Launcher to create and launch the execution, and answers with
/// the execution as stored. The Launcher makes the request id idempotent; this answers whatever execution it names.
/// The authenticated caller is the one who launches, whatever the body says.
/// </summary>
public sealed class LaunchExecutionHandler(
    IRequestClient<LaunchExecution> launcher,
    ExecutionRepository executions,
    IOptions<JsonOptions> json,
    IOptions<GatewayOptions> options,
    ILogger<LaunchExecutionHandler> logger)
{
    public static readonly AcceptedQuery Accepted = AcceptedQuery.Of();

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        QueryReader.Open(request.Query, Accepted, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var body = await JsonBodyReader.ReadAsync<LaunchRequestBody>(
            request, json.Value.SerializerOptions, LaunchRequestBody.Fields, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var caller = Caller.From(request.HttpContext.User);
        var command = LaunchRequestValidator.ToCommand(
            body.Value!, Guid.CreateVersion7(), caller.IsAuthenticated ? caller.Name : null, errors);
        if (command is null)
        {
            return errors.ToProblem();
        }

        var timeoutSeconds = options.Value.CommandTimeoutSeconds;
        Response<ExecutionAccepted, CommandRejected> response;
        try
        {
            response = await launcher.GetResponse<ExecutionAccepted, CommandRejected>(
                command, cancellationToken, RequestTimeout.After(s: timeoutSeconds));
        }
        catch (RequestTimeoutException)
        {
            logger.LogWarning(
                "The Launcher did not answer the launch of request {RequestId} within {TimeoutSeconds} s",
                command.RequestId, timeoutSeconds);
            return ApiProblems.LauncherDidNotAnswer(timeoutSeconds);
        }
        catch (RequestFaultException exception)
        {
            logger.LogError(exception, "The Launcher failed on the launch of request {RequestId}", command.RequestId);
            return ApiProblems.LauncherFailed();
        }

        if (response.Is(out Response<CommandRejected>? rejected))
        {
            logger.LogInformation(
                "The Launcher rejected the launch of request {RequestId} as {Reason}: {Detail}",
                command.RequestId, rejected.Message.Reason, rejected.Message.Detail);
            return ApiProblems.Rejected(rejected.Message);
        }

        if (!response.Is(out Response<ExecutionAccepted>? accepted))
        {
            throw new InvalidOperationException("The Launcher answered neither ExecutionAccepted nor CommandRejected.");
        }

        var executionId = accepted.Message.ExecutionId;
        var execution = await executions.FindAsync(executionId, cancellationToken)
                        ?? throw new InvalidOperationException($"The Launcher accepted execution {executionId} but it is not stored.");
        return TypedResults.Accepted(
            ExecutionsApi.PathOf(executionId), new ItemResponse<ExecutionResource>(ExecutionResource.From(execution)));
    }
}

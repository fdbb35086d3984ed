namespace Fabrik.Executions.Gateway.Api.Actions;

/// <summary>The answers to cancels and relaunches the Launcher did not answer: what may have happened, and what to do.</summary>
public static class ActionProblems
{
    public static IResult CancelNotAnswered(int timeoutSeconds) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        detail: $"The Launcher did not carry out the cancel within {timeoutSeconds} s; it may still take effect. "
                + "Look at the execution, and cancel again if it is still running: a repeated cancel is safe.");

    public static IResult RelaunchNotAnswered(int timeoutSeconds, Guid relaunchOf) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        detail: $"The Launcher did not carry out the relaunch within {timeoutSeconds} s; the relaunch may still be created. "
                + $"Look for it with GET {ExecutionsApi.BasePath}?relaunch_of={relaunchOf} before relaunching again.");

    public static IResult DecisionNotAnswered(int timeoutSeconds) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        detail: $"The Launcher did not pass the decision on to AWX within {timeoutSeconds} s; it may still take effect. "
                + "Look at the workflow, and decide again if the approval still waits.");
}

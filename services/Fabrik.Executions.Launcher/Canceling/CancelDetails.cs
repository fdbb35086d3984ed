using System.Globalization;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Launcher.Canceling;

/// <summary>Why a cancel was refused, in words an operator can act on.</summary>
public static class CancelDetails
{
    public static string AlreadyFinished(ExecutionRecord execution)
    {
        var finishedAt = execution.FinishedAt is { } at ? $" at {at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC" : "";
        var how = execution.Status != ExecutionStatus.Canceled ? ""
            : execution.CancelRequestedBy is { } by ? $" (by {by})"
            : " (from AWX)";
        return $"Execution {execution.Id} already finished as {DatabaseText.From(execution.Status)}{how}{finishedAt}; "
               + "only pending, waiting and running executions can be canceled.";
    }

    public static string AwxRefused(ExecutionRecord execution, long jobId, AwxCancelOutcome outcome) => outcome switch
    {
        AwxCancelOutcome.AlreadyFinished =>
            $"AWX job {jobId} of execution {execution.Id} had already finished when the cancel reached AWX (405), so nothing was canceled; "
            + "the execution shows AWX's final status once its last events are copied.",
        AwxCancelOutcome.Vanished => $"AWX no longer has job {jobId} of execution {execution.Id} (404), so there is nothing to cancel.",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a refusal."),
    };
}

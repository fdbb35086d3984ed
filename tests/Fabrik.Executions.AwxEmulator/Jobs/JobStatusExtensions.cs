namespace Fabrik.Executions.AwxEmulator.Jobs;

internal static class JobStatusExtensions
{
    public static bool IsTerminal(this JobStatus status) =>
        status is JobStatus.Successful or JobStatus.Failed or JobStatus.Error or JobStatus.Canceled;

    // AWX's CAN_CANCEL: new, pending, waiting, running.
    public static bool CanCancel(this JobStatus status) => !status.IsTerminal();

    // AWX's UnifiedJob.save: failed mirrors the status.
    public static bool CountsAsFailed(this JobStatus status) =>
        status is JobStatus.Failed or JobStatus.Error or JobStatus.Canceled;
}

namespace Fabrik.Executions.AwxEmulator.Jobs;

/// <summary>AWX job statuses. AWX's <c>new</c> is skipped: a launched job is already <c>pending</c> when the launch answers.</summary>
internal enum JobStatus
{
    Pending,
    Waiting,
    Running,
    Successful,
    Failed,
    Error,
    Canceled,
}

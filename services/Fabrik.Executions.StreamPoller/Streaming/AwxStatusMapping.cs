using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>AWX's job status words, read into the execution's lifecycle.</summary>
public static class AwxStatusMapping
{
    /// <summary>AWX's terminal statuses as the execution's; null while the job is not finished.</summary>
    public static ExecutionStatus? Terminal(string awxStatus) => awxStatus switch
    {
        "successful" => ExecutionStatus.Successful,
        "failed" => ExecutionStatus.Failed,
        "error" => ExecutionStatus.Error,
        "canceled" => ExecutionStatus.Canceled,
        _ => null,
    };

    public static bool IsRunning(string awxStatus) => awxStatus == "running";
}

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>What an <see cref="ExecutionStream"/> follows cycle by cycle: one AWX job, or a workflow job and the jobs its nodes run.</summary>
public interface IExecutionFollower
{
    /// <summary>AWX's id of the job (or workflow job) followed.</summary>
    long JobId { get; }

    /// <summary>How far the stored copy has come, for the keepalive and the heartbeat.</summary>
    long Watermark { get; }

    /// <summary>Loads what the database holds before the first cycle.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>One cycle: copies what AWX has, moves the status, and says whether the execution finished.</summary>
    Task<CycleOutcome> PollOnceAsync(CancellationToken cancellationToken);
}

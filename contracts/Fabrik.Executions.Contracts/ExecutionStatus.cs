using System.Text.Json.Serialization;

namespace Fabrik.Executions.Contracts;

/// <summary>The status of an execution, with AWX's values and meanings.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ExecutionStatus>))]
public enum ExecutionStatus
{
    /// <summary>Created; the AWX job is not launched yet.</summary>
    Pending,
    /// <summary>AWX accepted the launch and queued the job.</summary>
    Waiting,
    /// <summary>AWX is running the playbook.</summary>
    Running,
    /// <summary>AWX reports success; individual hosts may still have failed (see the per-host results).</summary>
    Successful,
    /// <summary>The playbook failed in the Ansible sense.</summary>
    Failed,
    /// <summary>AWX could not run the job, or the system could not follow it; the explanation says why.</summary>
    Error,
    /// <summary>Canceled from this system or from AWX's own UI.</summary>
    Canceled,
}

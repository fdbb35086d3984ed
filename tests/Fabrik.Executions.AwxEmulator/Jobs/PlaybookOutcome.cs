namespace Fabrik.Executions.AwxEmulator.Jobs;

internal sealed record PlaybookOutcome(JobStatus Status, string Explanation = "", string Traceback = "")
{
    /// <summary>
    /// AWX when the worker running the playbook breaks off (receptor's work unit fails): status error, the explanation
    /// runner's error status gets, and receptor's detail as the traceback.
    /// </summary>
    public static PlaybookOutcome WorkerError(string detail) =>
        new(JobStatus.Error, "Job terminated due to error", $"Receptor detail:\n{detail}");
}

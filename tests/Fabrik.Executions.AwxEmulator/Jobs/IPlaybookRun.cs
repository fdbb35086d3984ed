namespace Fabrik.Executions.AwxEmulator.Jobs;

/// <summary>One launched playbook: emits the job's events and says how it ended.</summary>
internal interface IPlaybookRun
{
    Task<PlaybookOutcome> ExecuteAsync(EmulatedJob job, CancellationToken stopping);
}

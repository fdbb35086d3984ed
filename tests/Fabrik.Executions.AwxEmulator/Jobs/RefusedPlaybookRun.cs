namespace Fabrik.Executions.AwxEmulator.Jobs;

/// <summary>A workflow node's job whose launch settings the template refused: it fails without running, as in AWX.</summary>
internal sealed class RefusedPlaybookRun(string reason) : IPlaybookRun
{
    public Task<PlaybookOutcome> ExecuteAsync(EmulatedJob job, CancellationToken stopping) =>
        Task.FromResult(new PlaybookOutcome(JobStatus.Failed, $"Job spawned from workflow could not start: {reason}"));
}

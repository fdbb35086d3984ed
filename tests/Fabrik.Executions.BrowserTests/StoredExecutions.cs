using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.BrowserTests;

/// <summary>
/// Executions written straight to the fixture's database the way the Launcher and the poller write them, for outputs
/// no synthetic job produces (100,000 events at once, markup in stdout, a workflow's jobs). Their templates are not the
/// emulator's, so they never skew the progress estimate of a synthetic job.
/// </summary>
internal sealed class StoredExecutions(IServiceProvider storage)
{
    private const int BatchSize = 5_000;

    private ExecutionRepository Executions => storage.GetRequiredService<ExecutionRepository>();

    /// <summary>An execution with these events stored, ended as <paramref name="endedAs"/>, or left running when that is null.</summary>
    public async Task<Guid> CreateAsync(
        TemplateReference template,
        long awxJobId,
        IReadOnlyList<JobEventDraft> events,
        string launchedBy = "browser-tests",
        ExecutionStatus? endedAs = ExecutionStatus.Successful)
    {
        var (execution, _) = await Executions.CreateAsync(new NewExecution
        {
            Id = Guid.CreateVersion7(),
            RequestId = "browser-tests-" + Guid.NewGuid(),
            Template = template,
            ExtraVarsJson = "{}",
            CredentialIds = [],
            LaunchedBy = launchedBy,
        }, CancellationToken.None);
        // Stored before the execution has an AWX job, so no poller takes it up meanwhile.
        var store = storage.GetRequiredService<JobEventStore>();
        foreach (var job in events.GroupBy(draft => draft.JobId ?? awxJobId))
        {
            foreach (var batch in job.Select((draft, index) => draft.ToEvent(execution.Id, job.Key, index + 1)).Chunk(BatchSize))
            {
                await store.StoreAsync(execution.Id, job.Key, batch, CancellationToken.None);
            }
        }

        await Executions.RecordLaunchedAsync(execution.Id, awxJobId, $"https://awx.example/#/jobs/playbook/{awxJobId}", CancellationToken.None);
        await Executions.TransitionAsync(execution.Id, [ExecutionStatus.Waiting], ExecutionStatus.Running, null, CancellationToken.None);
        if (endedAs is { } status)
        {
            await Executions.FinishAsync(execution.Id, status, null, events.Count, [], true, 0, CancellationToken.None);
        }

        return execution.Id;
    }
}

/// <summary>What a test says about an event; the rest is filled in as AWX would.</summary>
internal sealed record JobEventDraft(string Event, string Stdout, string? Host = null, long? JobId = null, bool Changed = false)
{
    public JobEventReceived ToEvent(Guid executionId, long jobId, long counter) => new()
    {
        ExecutionId = executionId,
        JobId = jobId,
        Counter = counter,
        Event = Event,
        Uuid = Guid.NewGuid().ToString(),
        ParentUuid = "",
        Host = Host,
        Play = "Browser tests",
        Task = "Task",
        Stdout = Stdout,
        StartLine = 0,
        EndLine = 0,
        Failed = Event.Contains("failed", StringComparison.Ordinal),
        Changed = Changed,
        Created = DateTimeOffset.UtcNow,
        EventData = JsonSerializer.SerializeToElement(new { host = Host }),
    };
}

using System.Net.Http.Json;
using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.ResultParser.Tests;

/// <summary>
/// A ResultParser in-process on its own database, virtual host and AWX emulator; the probe publishes
/// <see cref="ExecutionFinished"/> and records what it publishes. Executions are prepared as the Launcher and the
/// StreamPoller would leave them.
/// </summary>
public sealed class ResultParserUnderTest : InProcessService
{
    private const int SyntheticTemplateId = 1;

    private ResultParserUnderTest(InProcessServiceParts parts)
        : base(parts)
    {
    }

    public ExecutionRepository Executions => Get<ExecutionRepository>();

    public ExecutionResultsRepository Results => Get<ExecutionResultsRepository>();

    public JobEventStore Events => Get<JobEventStore>();

    public static async Task<ResultParserUnderTest> StartAsync() =>
        new(await StartPartsAsync(ResultParserApplication.Create, probe => probe.Recording<ExecutionResultsParsed>()));

    /// <summary>Launches the synthetic template straight against the emulator and waits until AWX has finished the job and its events.</summary>
    public async Task<FinishedAwxJob> RunSyntheticJobAsync(object extraVars)
    {
        using var launch = await Awx.PostAsJsonAsync(
            new Uri($"api/v2/job_templates/{SyntheticTemplateId}/launch/", UriKind.Relative), new { extra_vars = extraVars });
        launch.EnsureSuccessStatusCode();
        var jobId = (await launch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job").GetInt64();

        return await Eventually.GetAsync(
            async () =>
            {
                var job = await ReadJobAsync(jobId);
                return IsTerminal(job) && job.GetProperty("event_processing_finished").GetBoolean()
                    ? new FinishedAwxJob(jobId, DatabaseText.ToStatus(job.GetProperty("status").GetString()!), job)
                    : null;
            },
            $"AWX job {jobId} to finish");
    }

    /// <summary>An execution as the StreamPoller leaves it once AWX job <paramref name="jobId"/> ended with <paramref name="status"/>.</summary>
    public async Task<Guid> StoreFinishedExecutionAsync(long jobId, ExecutionStatus status)
    {
        var id = Guid.CreateVersion7();
        await Executions.CreateAsync(new NewExecution
        {
            Id = id,
            RequestId = "request-" + id,
            Template = new TemplateReference { Kind = TemplateKind.Job, Id = SyntheticTemplateId, Name = "Synthetic" },
            ExtraVarsJson = "{}",
            CredentialIds = [],
            LaunchedBy = "alice",
        }, CancellationToken.None);
        await Executions.RecordLaunchedAsync(id, jobId, $"http://awx.example/#/jobs/playbook/{jobId}/output", CancellationToken.None);
        await Executions.FinishAsync(id, status, null, finalCounter: 1, missingCounters: [], complete: true, taskCount: 1, CancellationToken.None);
        return id;
    }

    /// <summary>Publishes <see cref="ExecutionFinished"/> and waits for the results it leads to, beyond <paramref name="alreadySeen"/> of them.</summary>
    public async Task<ExecutionResultsParsed> FinishAsync(Guid executionId, long jobId, ExecutionStatus status, int alreadySeen = 0)
    {
        await Probe.Bus.Publish(new ExecutionFinished
        {
            ExecutionId = executionId,
            AwxJobId = jobId,
            Status = status,
            FinalCounter = 1,
            Complete = true,
            MissingCounters = [],
            FinishedAt = DateTimeOffset.UtcNow,
        });
        return await Eventually.GetAsync(
            () => Probe.Received<ExecutionResultsParsed>().Where(m => m.ExecutionId == executionId).Skip(alreadySeen).FirstOrDefault(),
            $"ExecutionResultsParsed for {executionId}");
    }

    public async Task<JsonElement> ReadJobAsync(long jobId) =>
        await Awx.GetFromJsonAsync<JsonElement>(new Uri($"api/v2/jobs/{jobId}/", UriKind.Relative));

    /// <summary>The per-host results the emulator says the job ends with, as the ResultParser orders them.</summary>
    public IReadOnlyList<HostResult> ExpectedHosts(long jobId) =>
        Emulator.GetExpectedHostOutcomes((int)jobId)
            .Select(outcome => new HostResult
            {
                Host = outcome.Host,
                Status = JsonSerializer.Deserialize<HostOutcome>(JsonSerializer.Serialize(outcome.Status)),
                Ok = outcome.Ok,
                Changed = outcome.Changed,
                Failed = outcome.Failed,
                Unreachable = outcome.Unreachable,
                Skipped = outcome.Skipped,
            })
            .OrderBy(host => host.Host, StringComparer.Ordinal)
            .ToList();

    private static bool IsTerminal(JsonElement job) =>
        job.GetProperty("status").GetString() is "successful" or "failed" or "error" or "canceled";
}

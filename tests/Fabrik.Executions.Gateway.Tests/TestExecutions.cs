using Dapper;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Puts executions and their events in the fixture's database the way the Launcher and the poller do.</summary>
internal sealed class TestExecutions(ServiceProvider storage) : IAsyncDisposable
{
    public ExecutionRepository Executions => storage.GetRequiredService<ExecutionRepository>();

    public ExecutionResultsRepository Results => storage.GetRequiredService<ExecutionResultsRepository>();

    public JobEventStore Events => storage.GetRequiredService<JobEventStore>();

    public WorkflowRepository Workflows => storage.GetRequiredService<WorkflowRepository>();

    public static TestExecutions For(string postgres) => new(new ServiceCollection().AddFabrikStorage(postgres).BuildServiceProvider());

    public Task<Guid> CreateRunningAsync(long awxJobId) =>
        CreateRunningAsync(new TemplateReference { Kind = TemplateKind.Job, Id = 1, Name = "Synthetic" }, awxJobId);

    public Task<Guid> CreateRunningWorkflowAsync(long awxWorkflowJobId) =>
        CreateRunningAsync(new TemplateReference { Kind = TemplateKind.Workflow, Id = 12, Name = "Approval" }, awxWorkflowJobId);

    private async Task<Guid> CreateRunningAsync(TemplateReference template, long awxJobId)
    {
        var (execution, _) = await Executions.CreateAsync(new NewExecution
        {
            Id = Guid.CreateVersion7(),
            RequestId = "tests-" + Guid.NewGuid(),
            Template = template,
            ExtraVarsJson = """{"emulator_events": 10}""",
            CredentialIds = [],
            LaunchedBy = "tests",
        }, CancellationToken.None);
        await Executions.RecordLaunchedAsync(execution.Id, awxJobId, $"https://awx.example/#/jobs/playbook/{awxJobId}", CancellationToken.None);
        await Executions.TransitionAsync(execution.Id, [ExecutionStatus.Waiting], ExecutionStatus.Running, null, CancellationToken.None);
        return execution.Id;
    }

    /// <summary>A running execution with <paramref name="events"/> sample events stored.</summary>
    public async Task<Guid> CreateRunningWithEventsAsync(long awxJobId, int events)
    {
        var executionId = await CreateRunningAsync(awxJobId);
        await StoreAsync(executionId, awxJobId, SampleEvents.Range(executionId, awxJobId, 1, events));
        return executionId;
    }

    public Task StoreAsync(Guid executionId, long jobId, IReadOnlyList<JobEventReceived> events) =>
        Events.StoreAsync(executionId, jobId, events, CancellationToken.None);

    public async Task<long> CountAsync(string sql, object parameters)
    {
        await using var connection = await storage.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object parameters)
    {
        await using var connection = await storage.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await storage.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, commandTimeout: 300));
    }

    public async Task<Guid> InsertAsync(ExecutionSeed seed)
    {
        await ExecuteAsync(
            """
            insert into executions (id, request_id, template_kind, template_id, template_name, launched_by, status,
                                    status_explanation, relaunch_of, relaunch_count, awx_job_id, created_at, updated_at)
            values (@Id, @RequestId, 'job', @TemplateId, @TemplateName, @LaunchedBy, @Status,
                    @StatusExplanation, @RelaunchOf, @RelaunchCount, @AwxJobId, @CreatedAt, @CreatedAt)
            """,
            seed);
        return seed.Id;
    }

    /// <summary>What a request that changes nothing leaves as it was: every table's rows and the last update.</summary>
    public async Task<string> FingerprintAsync()
    {
        await using var connection = await storage.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>(
            """
            select concat_ws(' ',
                (select count(*) from executions), (select max(updated_at) from executions),
                (select count(*) from job_events), (select count(*) from job_streams),
                (select count(*) from operator_actions), (select count(*) from workflow_nodes))
            """) ?? "";
    }

    public ValueTask DisposeAsync() => storage.DisposeAsync();
}

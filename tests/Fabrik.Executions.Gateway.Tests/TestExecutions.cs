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

    public static TestExecutions For(string postgres) => new(new ServiceCollection().AddFabrikStorage(postgres).BuildServiceProvider());

    public async Task<Guid> CreateRunningAsync(long awxJobId)
    {
        var (execution, _) = await Executions.CreateAsync(new NewExecution
        {
            Id = Guid.CreateVersion7(),
            RequestId = "tests-" + Guid.NewGuid(),
            Template = new TemplateReference { Kind = TemplateKind.Job, Id = 1, Name = "Synthetic" },
            ExtraVarsJson = """{"emulator_events": 10}""",
            CredentialIds = [],
            LaunchedBy = "tests",
        }, CancellationToken.None);
        await Executions.RecordLaunchedAsync(execution.Id, awxJobId, $"https://awx.example/#/jobs/playbook/{awxJobId}", "{}", CancellationToken.None);
        await Executions.TransitionAsync(execution.Id, [ExecutionStatus.Waiting], ExecutionStatus.Running, null, CancellationToken.None);
        return execution.Id;
    }

    public Task StoreAsync(Guid executionId, long jobId, IReadOnlyList<JobEventReceived> events) =>
        Events.StoreAsync(executionId, jobId, events, CancellationToken.None);

    public async Task<long> CountAsync(string sql, object parameters)
    {
        await using var connection = await storage.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public ValueTask DisposeAsync() => storage.DisposeAsync();
}

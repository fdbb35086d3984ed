using System.Runtime.CompilerServices;
using Dapper;
using Fabrik.Executions.Contracts;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>
/// Reads stored job events for those who show output rather than copy it: filtered pages on the primary key,
/// whole outputs streamed row by row (never held in memory at once), and phrase search line by line.
/// </summary>
public sealed class JobEventQueries(NpgsqlDataSource dataSource)
{
    private const string SearchedLines =
        """
        from job_events e
        cross join lateral (
            select p.n, rtrim(p.part, E'\r') as line
            from regexp_split_to_table(e.stdout_plain, E'\n') with ordinality as p(part, n)) as l
        """;

    /// <summary>Events of one job after <paramref name="afterCounter"/> that match the filter, in counter order.</summary>
    public async Task<IReadOnlyList<JobEventReceived>> ReadAfterAsync(
        Guid executionId, long jobId, long afterCounter, int limit, JobEventFilter filter, CancellationToken cancellationToken)
    {
        var conditions = FilterSql(filter)
            .Add("j.execution_id = @executionId", "executionId", executionId)
            .Add("j.job_id = @jobId", "jobId", jobId)
            .Add("j.counter > @after", "after", afterCounter);
        await using var command = dataSource.CreateCommand(
            $"select {JobEventColumns.Select} from job_events j where {conditions.Where} order by j.counter limit @limit");
        conditions.AddParametersTo(command);
        command.Parameters.AddWithValue("limit", limit);
        return await JobEventColumns.ReadAllAsync(command, cancellationToken);
    }

    /// <summary>Every event of the execution, job by job in counter order, read as the caller consumes them.</summary>
    public IAsyncEnumerable<JobEventReceived> StreamAsync(Guid executionId, CancellationToken cancellationToken) =>
        StreamAsync(
            $"select {JobEventColumns.Select} from job_events where execution_id = @executionId order by job_id, counter",
            executionId, JobEventColumns.Read, cancellationToken);

    /// <summary>The stdout of every event that has any, job by job in counter order, read as the caller consumes it.</summary>
    public IAsyncEnumerable<string> StreamStdoutAsync(Guid executionId, CancellationToken cancellationToken) =>
        StreamAsync(
            "select stdout from job_events where execution_id = @executionId and stdout <> '' order by job_id, counter",
            executionId, reader => reader.GetString(0), cancellationToken);

    /// <summary>The lines of the execution's output (colours removed) that contain <paramref name="phrase"/>, ignoring case.</summary>
    public async Task<OutputSearchPage> SearchAsync(
        Guid executionId, string phrase, int offset, int limit, CancellationToken cancellationToken)
    {
        var conditions = new SqlConditions()
            .Add("e.execution_id = @executionId", "executionId", executionId)
            .AddOutputContainsIf(OutputPattern.Matches("e"), phrase);
        var parameters = conditions.ToDynamicParameters();
        parameters.Add("offset", offset);
        parameters.Add("limit", limit);
        var where = $"where {conditions.Where} and {OutputPattern.Matches("l", "line")}";

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            select count(*) {SearchedLines} {where};
            select e.job_id, e.counter, e.start_line + l.n as line_number, l.line, e.host, e.task
            {SearchedLines} {where}
            order by e.job_id, e.counter, l.n offset @offset limit @limit;
            """,
            parameters,
            cancellationToken: cancellationToken));
        var total = await results.ReadSingleAsync<long>();
        var hits = (await results.ReadAsync<OutputLineHit>()).AsList();
        return new OutputSearchPage(hits, total);
    }

    private static SqlConditions FilterSql(JobEventFilter filter) =>
        new SqlConditions()
            .AddIf("j.event = @event", "event", filter.Event)
            .AddIf("j.host = @host", "host", filter.Host)
            .AddIf("j.failed = @failed", "failed", filter.Failed)
            .AddOutputContainsIf(OutputPattern.Matches("j"), filter.OutputContains);

    private async IAsyncEnumerable<T> StreamAsync<T>(
        string sql, Guid executionId, Func<NpgsqlDataReader, T> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("executionId", executionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return read(reader);
        }
    }
}

using Dapper;
using Fabrik.Executions.IntegrationTests;
using Npgsql;

namespace Fabrik.Executions.OperatorActionTests;

/// <summary>Reads and writes the pipeline's database directly, for what the API does not show and states it cannot make.</summary>
internal static class PipelineDatabase
{
    public static async Task<T> QuerySingleAsync<T>(this Pipeline pipeline, string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(pipeline.Infrastructure.Postgres);
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this Pipeline pipeline, string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(pipeline.Infrastructure.Postgres);
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    public static async Task ExecuteAsync(this Pipeline pipeline, string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(pipeline.Infrastructure.Postgres);
        await connection.ExecuteAsync(sql, parameters);
    }
}

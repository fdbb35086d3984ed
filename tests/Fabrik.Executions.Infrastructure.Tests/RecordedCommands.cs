using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Fabrik.Executions.Infrastructure.Tests;

/// <summary>
/// A data source that keeps every command sent through it, text and parameters, as Npgsql's tracing hands it over, so
/// that a test can have PostgreSQL explain exactly what the code under test asked.
/// </summary>
internal sealed class RecordedCommands : IAsyncDisposable
{
    private readonly string connectionString;
    private readonly ConcurrentQueue<(string Text, NpgsqlParameter[] Parameters)> commands = new();
    private readonly ActivityListener listener;

    public RecordedCommands(string connectionString)
    {
        this.connectionString = connectionString;
        // Npgsql traces a command, and so hands it to the callback below, only while someone listens.
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConfigureTracing(tracing => tracing.ConfigureCommandEnrichmentCallback((_, command) =>
            commands.Enqueue((command.CommandText, command.Parameters.Select(parameter => parameter.Clone()).ToArray()))));
        DataSource = builder.Build();
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>
    /// PostgreSQL's plan for each statement of the recorded commands, with the parameters it ran with. Statements are
    /// told apart by the semicolons that end them: the commands explained here have none inside a statement.
    /// </summary>
    public async Task<IReadOnlyList<string>> PlansAsync()
    {
        var plans = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (text, parameters) in commands)
        {
            foreach (var statement in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await using var explain = new NpgsqlCommand("explain " + statement, connection);
                explain.Parameters.AddRange(parameters.Select(parameter => parameter.Clone()).ToArray());
                var lines = new List<string>();
                await using var reader = await explain.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    lines.Add(reader.GetString(0));
                }

                plans.Add(string.Join('\n', lines));
            }
        }

        return plans;
    }

    public async ValueTask DisposeAsync()
    {
        listener.Dispose();
        await DataSource.DisposeAsync();
    }
}

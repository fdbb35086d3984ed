using Dapper;
using DbUp.Engine.Output;
using Fabrik.Executions.Migrations;
using Npgsql;

namespace Fabrik.Executions.Infrastructure.Tests;

/// <summary>The executions table holds every field of seed 000's execution record, with the type its meaning needs.</summary>
public sealed class ExecutionSchemaTests
{
    private static readonly Dictionary<string, Column> ExecutionRecord = new()
    {
        // Seed 000's execution record.
        ["awx_job_id"] = new("bigint", Nullable: true),
        ["awx_job_url"] = new("text", Nullable: true),
        ["status"] = new("text", Nullable: false),
        ["progress_percentage"] = new("smallint", Nullable: false),
        ["current_task"] = new("text", Nullable: true),
        ["elapsed_seconds"] = new("double precision", Nullable: true),
        ["awx_job_data"] = new("jsonb", Nullable: true),
        ["artifacts"] = new("jsonb", Nullable: true),
        ["row_results"] = new("jsonb", Nullable: true),
        ["relaunch_of"] = new("uuid", Nullable: true),
        ["relaunch_count"] = new("smallint", Nullable: false),
        // The request and the template as it was at launch.
        ["request_id"] = new("text", Nullable: false),
        ["template_kind"] = new("text", Nullable: false),
        ["template_id"] = new("integer", Nullable: false),
        ["template_name"] = new("text", Nullable: false),
        ["template_snapshot"] = new("jsonb", Nullable: false),
        // Launch inputs.
        ["extra_vars"] = new("jsonb", Nullable: false),
        ["limit_pattern"] = new("text", Nullable: true),
        ["inventory_id"] = new("integer", Nullable: true),
        ["credential_ids"] = new("integer[]", Nullable: false),
        // Who and when.
        ["launched_by"] = new("text", Nullable: false),
        ["created_at"] = new("timestamp with time zone", Nullable: false),
        ["launched_at"] = new("timestamp with time zone", Nullable: true),
        ["started_at"] = new("timestamp with time zone", Nullable: true),
        ["finished_at"] = new("timestamp with time zone", Nullable: true),
        // Completeness of the stored output.
        ["final_counter"] = new("bigint", Nullable: true),
        ["complete"] = new("boolean", Nullable: true),
        ["missing_counters"] = new("bigint[]", Nullable: true),
    };

    [Test]
    public async Task Executions_table_has_every_execution_record_field_with_its_type()
    {
        await using var database = await EmptyDatabase.CreateAsync();
        await SchemaMigrator.ApplyAsync(database.ConnectionString, new NoOpUpgradeLog(), CancellationToken.None);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        var columns = (await connection.QueryAsync<(string Name, string DataType, string UdtName, string IsNullable)>(
                """
                select column_name, data_type, udt_name, is_nullable
                from information_schema.columns
                where table_schema = 'public' and table_name = 'executions'
                """))
            .ToDictionary(column => column.Name, column => new Column(TypeOf(column.DataType, column.UdtName), column.IsNullable == "YES"));

        Assert.Multiple(() =>
        {
            foreach (var (name, expected) in ExecutionRecord)
            {
                Assert.That(columns.GetValueOrDefault(name), Is.EqualTo(expected), name);
            }
        });
    }

    // information_schema calls every array ARRAY; its udt_name (_int4, _int8) says of what.
    private static string TypeOf(string dataType, string udtName) => (dataType, udtName) switch
    {
        ("ARRAY", "_int4") => "integer[]",
        ("ARRAY", "_int8") => "bigint[]",
        ("ARRAY", _) => $"{udtName[1..]}[]",
        _ => dataType,
    };

    private sealed record Column(string DataType, bool Nullable);
}

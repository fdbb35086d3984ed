using System.Globalization;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Hosting;
using Npgsql;

namespace Fabrik.Executions.IntegrationTests;

/// <summary>
/// Compares events as ansible-runner wrote them with the rows the pipeline stored, every field AWX derives from them
/// included: host, play, task and role from the event data, failed and changed as AWX's job event model sets them.
/// </summary>
internal static class RunnerComparison
{
    // awx/main/models/events.py: the event types whose verbose name is a failure.
    private static readonly HashSet<string> FailureEvents =
        ["runner_on_failed", "runner_on_error", "runner_on_unreachable", "runner_on_async_failed", "runner_item_on_failed", "error"];

    public sealed record Row(
        long Counter, string Event, string Uuid, string ParentUuid, string Host, string Play, string Task, string Role, string Stdout,
        int StartLine, int EndLine, bool Failed, bool Changed, DateTimeOffset Created, JsonElement EventData);

    /// <summary>Skips the comparison where ansible-runner is missing, except in CI, which installs it and must run it.</summary>
    public static void RequireRunner(AwxEmulatorHost awx)
    {
        if (awx.RunnerAvailable)
        {
            return;
        }

        const string missing = "ansible-runner is not installed here; .ci/run installs it.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(missing + " In CI (CI=true) the real playbook must be compared, not skipped.");
        }

        Assert.Ignore(missing);
    }

    /// <summary>The event files of the AWX job's ansible-runner run, in counter order.</summary>
    public static IReadOnlyList<JsonElement> ReadWritten(AwxEmulatorHost awx, int awxJobId) =>
        Directory.GetFiles(awx.GetRunnerArtifacts(awxJobId).JobEventsDirectory, "*.json")
            .Select(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement)
            .OrderBy(e => e.GetProperty("counter").GetInt64())
            .ToList();

    public static async Task<IReadOnlyList<Row>> ReadStoredAsync(Pipeline pipeline, Guid executionId)
    {
        await using var connection = new NpgsqlConnection(pipeline.Infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select counter, event, uuid, parent_uuid, coalesce(host, ''), coalesce(play, ''), coalesce(task, ''), coalesce(role, ''),
                   stdout, start_line, end_line, failed, changed, created, event_data::text
            from job_events where execution_id = @id order by counter
            """,
            connection);
        command.Parameters.AddWithValue("id", executionId);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetInt32(9), reader.GetInt32(10), reader.GetBoolean(11),
                reader.GetBoolean(12), await reader.GetFieldValueAsync<DateTimeOffset>(13), JsonDocument.Parse(reader.GetString(14)).RootElement));
        }

        return rows;
    }

    public static void AssertSame(IReadOnlyList<JsonElement> written, IReadOnlyList<Row> stored)
    {
        Assert.That(stored.Select(e => e.Counter), Is.EqualTo(written.Select(e => e.GetProperty("counter").GetInt64())));
        var flags = FlagsAsAwxSetsThem(written);
        foreach (var (file, row) in written.Zip(stored))
        {
            AssertSame(file, flags[Text(file, "uuid")], row);
        }
    }

    private static void AssertSame(JsonElement written, (bool Failed, bool Changed) flags, Row stored)
    {
        var counter = written.GetProperty("counter").GetInt64();
        var data = written.GetProperty("event_data");
        Assert.Multiple(() =>
        {
            Assert.That(stored.Event, Is.EqualTo(Text(written, "event")), $"event of {counter}");
            Assert.That(stored.Uuid, Is.EqualTo(Text(written, "uuid")), $"uuid of {counter}");
            Assert.That(stored.ParentUuid, Is.EqualTo(Text(written, "parent_uuid")), $"parent_uuid of {counter}");
            // AWX takes these from the event data, stripped of surrounding blanks.
            Assert.That(stored.Host, Is.EqualTo(Text(data, "host").Trim()), $"host of {counter}");
            Assert.That(stored.Play, Is.EqualTo(Text(data, "play").Trim()), $"play of {counter}");
            Assert.That(stored.Task, Is.EqualTo(Text(data, "task").Trim()), $"task of {counter}");
            Assert.That(stored.Role, Is.EqualTo(Text(data, "role").Trim()), $"role of {counter}");
            Assert.That(stored.Stdout, Is.EqualTo(Text(written, "stdout")), $"stdout of {counter}");
            Assert.That(stored.StartLine, Is.EqualTo(written.GetProperty("start_line").GetInt32()), $"start_line of {counter}");
            Assert.That(stored.EndLine, Is.EqualTo(written.GetProperty("end_line").GetInt32()), $"end_line of {counter}");
            Assert.That(stored.Failed, Is.EqualTo(flags.Failed), $"failed of {counter}");
            Assert.That(stored.Changed, Is.EqualTo(flags.Changed), $"changed of {counter}");
            // ansible-runner writes naive UTC; AWX serves the same instant with a Z.
            var created = DateTime.Parse(Text(written, "created"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            Assert.That(stored.Created.UtcDateTime, Is.EqualTo(created), $"created of {counter}");
            Assert.That(JsonElement.DeepEquals(stored.EventData, data), Is.True, $"event_data of {counter}");
        });
    }

    /// <summary>
    /// Failed and changed as AWX's job event model sets them from the event data; then, once <c>playbook_on_stats</c>
    /// arrives, the parent of every failed or changed <c>runner_on_*</c> event takes its flag too.
    /// </summary>
    private static Dictionary<string, (bool Failed, bool Changed)> FlagsAsAwxSetsThem(IReadOnlyList<JsonElement> written)
    {
        var flags = written.ToDictionary(e => Text(e, "uuid"), OwnFlags);
        foreach (var child in written.Where(e => Text(e, "event").StartsWith("runner_on", StringComparison.Ordinal)))
        {
            var own = flags[Text(child, "uuid")];
            if (flags.TryGetValue(Text(child, "parent_uuid"), out var parent))
            {
                flags[Text(child, "parent_uuid")] = (parent.Failed || own.Failed, parent.Changed || own.Changed);
            }
        }

        return flags;
    }

    private static (bool Failed, bool Changed) OwnFlags(JsonElement written)
    {
        var eventType = Text(written, "event");
        var data = written.GetProperty("event_data");
        if (eventType == "playbook_on_stats")
        {
            return (SumOf(data, "failures") + SumOf(data, "dark") > 0, SumOf(data, "changed") > 0);
        }

        var failed = FailureEvents.Contains(eventType) && !IsTrue(data, "ignore_errors");
        return (failed, data.TryGetProperty("res", out var result) && result.ValueKind == JsonValueKind.Object && IsTrue(result, "changed"));
    }

    private static int SumOf(JsonElement data, string property) =>
        data.TryGetProperty(property, out var perHost) && perHost.ValueKind == JsonValueKind.Object
            ? perHost.EnumerateObject().Sum(host => host.Value.GetInt32())
            : 0;

    private static bool IsTrue(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}

using System.Globalization;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Events;

namespace Fabrik.Executions.AwxEmulator.Runner;

/// <summary>
/// One <c>&lt;counter&gt;-&lt;uuid&gt;.json</c> file of ansible-runner's <c>job_events</c> folder. ansible-runner writes
/// <c>&lt;uuid&gt;-partial.json</c> and <c>*.json.tmp</c> on the way and renames, so a well-named file is complete.
/// </summary>
internal static class RunnerEventFile
{
    public static bool TryGetCounter(string path, out int counter)
    {
        counter = 0;
        var name = Path.GetFileName(path);
        if (!name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith("-partial.json", StringComparison.Ordinal))
        {
            return false;
        }
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out counter);
    }

    public static async Task<AnsibleRunnerEvent> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var root = document.RootElement;
        return new AnsibleRunnerEvent
        {
            Counter = root.GetProperty("counter").GetInt32(),
            Uuid = root.GetProperty("uuid").GetString()!,
            ParentUuid = OptionalText(root, "parent_uuid"),
            Event = root.GetProperty("event").GetString()!,
            Stdout = OptionalText(root, "stdout"),
            StartLine = root.GetProperty("start_line").GetInt32(),
            EndLine = root.GetProperty("end_line").GetInt32(),
            Verbosity = root.TryGetProperty("verbosity", out var verbosity) && verbosity.ValueKind == JsonValueKind.Number ? verbosity.GetInt32() : 0,
            // ansible-runner writes naive UTC timestamps; AWX stores them as UTC.
            Created = DateTimeOffset.Parse(root.GetProperty("created").GetString()!, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            EventData = root.GetProperty("event_data").Clone(),
        };
    }

    private static string OptionalText(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}

using System.Globalization;
using System.Text.Json;
using Fabrik.Executions.Contracts;

namespace Fabrik.Cli.Output;

/// <summary>The fields of an execution (the API's and the hub's snake_case shape) the CLI shows and decides on.</summary>
public sealed record ExecutionView(JsonElement Json)
{
    public Guid Id => Json.GetProperty("id").GetGuid();

    public string StatusText => Json.GetProperty("status").GetString() ?? "";

    public ExecutionStatus Status => Enum.Parse<ExecutionStatus>(StatusText, ignoreCase: true);

    public bool IsWorkflow => Json.GetProperty("template").GetProperty("kind").GetString() == "workflow";

    public string Template => $"{Json.GetProperty("template").GetProperty("name").GetString()} ({Json.GetProperty("template").GetProperty("kind").GetString()} {Json.GetProperty("template").GetProperty("id").GetInt32()})";

    public long? AwxJobId => Number("awx_job_id");

    public long? FinalCounter => Number("final_counter");

    public bool? Complete => Json.TryGetProperty("complete", out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    /// <summary>Ended, and its output copied as far as it will be: an execution that ran an AWX job is done once its stream finished.</summary>
    public bool OutputDone => Status.IsTerminal() && (AwxJobId is null || FinalCounter is not null);

    public string? Text(string name) => Json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;

    /// <summary>A timestamp field in UTC, to the second, or an empty string.</summary>
    public string Time(string name) =>
        Json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : "";

    /// <summary>From start to finish, or to now while it runs.</summary>
    public string Duration()
    {
        if (!Json.TryGetProperty("started_at", out var started) || started.ValueKind != JsonValueKind.String)
        {
            return "";
        }

        var end = Json.TryGetProperty("finished_at", out var finished) && finished.ValueKind == JsonValueKind.String
            ? finished.GetDateTimeOffset()
            : DateTimeOffset.UtcNow;
        var span = end - started.GetDateTimeOffset();
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m{span.Seconds:00}s");
    }

    private long? Number(string name) => Json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
}

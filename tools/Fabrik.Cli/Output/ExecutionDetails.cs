namespace Fabrik.Cli.Output;

/// <summary>One execution as labelled lines, the fields an operator looks at first.</summary>
public static class ExecutionDetails
{
    public static async Task WriteAsync(CliConsole console, ExecutionView execution)
    {
        var lines = new (string Label, string? Value)[]
        {
            ("id", execution.Id.ToString()),
            ("status", Ansi.Status(execution.StatusText, console.Colour)),
            ("explanation", execution.Text("status_explanation")),
            ("template", execution.Template),
            ("request", execution.Text("request_id")),
            ("launched by", execution.Text("launched_by")),
            ("limit", execution.Text("limit")),
            ("awx job", execution.Text("awx_job_id") is { } job ? $"{job} {execution.Text("awx_job_url")}".TrimEnd() : null),
            ("progress", $"{execution.Text("progress_percentage")}%"),
            ("current task", execution.Text("current_task")),
            ("relaunch of", execution.Text("relaunch_of")),
            ("relaunches", execution.Text("relaunch_count")),
            ("created", execution.Time("created_at")),
            ("started", execution.Time("started_at")),
            ("finished", execution.Time("finished_at")),
            ("duration", execution.Duration()),
            ("final counter", execution.Text("final_counter")),
            ("complete", execution.Complete is false ? Ansi.Yellow($"no, missing counters {execution.Text("missing_counters")}", console.Colour) : execution.Text("complete")),
            ("partial success", execution.Text("partial_success")),
        };
        foreach (var (label, value) in lines.Where(line => !string.IsNullOrEmpty(line.Value)))
        {
            await console.Out.WriteLineAsync($"{Ansi.Dim((label + ":").PadRight(16), console.Colour)}{value}");
        }
    }
}

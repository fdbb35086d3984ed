using System.Globalization;
using System.Text;
using Fabrik.Executions.Gateway.Api;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Output;

/// <summary>
/// An execution as one CSV row (RFC 4180). A text cell that a spreadsheet would run as a formula (starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) is prefixed with <c>'</c>, so an exported name
/// can never execute in the reader's spreadsheet.
/// </summary>
public static class ExecutionCsv
{
    public const string Header =
        "id,request_id,template_kind,template_id,template_name,status,status_explanation,awx_job_id,awx_job_url,"
        + "progress_percentage,current_task,launched_by,relaunch_of,relaunch_count,relaunch_hosts,partial_success,complete,"
        + "elapsed_seconds,created_at,launched_at,started_at,finished_at\r\n";

    public static string Row(ExecutionRecord execution)
    {
        var row = new StringBuilder(256);
        object?[] cells =
        [
            execution.Id, execution.RequestId, DatabaseText.From(execution.TemplateKind), execution.TemplateId, execution.TemplateName,
            DatabaseText.From(execution.Status), execution.StatusExplanation, execution.AwxJobId, execution.AwxJobUrl,
            execution.ProgressPercentage, execution.CurrentTask, execution.LaunchedBy, execution.RelaunchOf, execution.RelaunchCount,
            execution.RelaunchHosts, execution.PartialSuccess, execution.Complete, execution.ElapsedSeconds,
            ApiTime.Utc(execution.CreatedAt), ApiTime.Utc(execution.LaunchedAt), ApiTime.Utc(execution.StartedAt),
            ApiTime.Utc(execution.FinishedAt),
        ];
        for (var index = 0; index < cells.Length; index++)
        {
            if (index > 0)
            {
                row.Append(',');
            }

            row.Append(Cell(cells[index]));
        }

        return row.Append("\r\n").ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string text => Text(text),
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Text(value.ToString() ?? ""),
    };

    private static string Text(string text)
    {
        var safe = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
        return safe.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}

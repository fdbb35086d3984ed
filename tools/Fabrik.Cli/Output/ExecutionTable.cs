using System.Text.Json;

namespace Fabrik.Cli.Output;

/// <summary>A page of executions as aligned columns, with where the page lies in the whole list.</summary>
public static class ExecutionTable
{
    private const int StatusColumn = 1;
    private static readonly string[] Headings = ["ID", "STATUS", "TEMPLATE", "LAUNCHED BY", "CREATED (UTC)", "DURATION"];

    public static async Task WriteAsync(CliConsole console, JsonElement page)
    {
        var rows = page.GetProperty("data").EnumerateArray()
            .Select(json => new ExecutionView(json))
            .Select(execution => new[]
            {
                execution.Id.ToString(), execution.StatusText, execution.Template, execution.Text("launched_by") ?? "",
                execution.Time("created_at"), execution.Duration(),
            })
            .ToList();
        var widths = Headings.Select((heading, column) => rows.Select(row => row[column].Length).Append(heading.Length).Max()).ToArray();
        await console.Out.WriteLineAsync(Ansi.Dim(Line(Headings, widths, (_, cell) => cell), console.Colour));
        foreach (var row in rows)
        {
            await console.Out.WriteLineAsync(Line(row, widths, (column, cell) =>
                column == StatusColumn ? Ansi.Status(cell, console.Colour) : cell));
        }

        var pagination = page.GetProperty("pagination");
        await console.Out.WriteLineAsync(Ansi.Dim(
            $"page {pagination.GetProperty("page")} of {pagination.GetProperty("total_pages")}, {pagination.GetProperty("total_items")} executions",
            console.Colour));
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths, Func<int, string, string> paint) =>
        string.Join("  ", cells.Select((cell, column) => paint(column, cell) + new string(' ', widths[column] - cell.Length))).TrimEnd();
}

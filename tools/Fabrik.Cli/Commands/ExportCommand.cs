using System.CommandLine;

namespace Fabrik.Cli.Commands;

/// <summary><c>fabrik export</c>: the executions the filters match, as CSV or JSON, streamed to a file or the output.</summary>
public static class ExportCommand
{
    public static Command Create(GatewayCommand shared)
    {
        var filters = new ExecutionFilterOptions();
        var format = new Option<string>("--format") { Description = "csv or json (--json means json)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "write to this file instead of the output" };
        var command = new Command("export", "Export the executions the filters match, streamed");
        filters.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        shared.SetAction(command, async (parse, gateway, cancellationToken) =>
        {
            var query = filters.Query(parse);
            query.Add(KeyValuePair.Create("format", shared.Json(parse) ? "json" : parse.GetValue(format)!));
            var path = "/api/v1/executions/export?" + ExecutionFilterOptions.ToQueryString(query);
            if (parse.GetValue(output) is { } file)
            {
                await using var destination = file.Create();
                await gateway.StreamAsync(path, body => body.CopyToAsync(destination, cancellationToken), cancellationToken);
            }
            else
            {
                await gateway.StreamAsync(path, body => CopyAsync(body, shared.Console.Out, cancellationToken), cancellationToken);
            }

            return ExitCodes.Successful;
        });
        return command;
    }

    private static async Task CopyAsync(Stream body, TextWriter output, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
    }
}

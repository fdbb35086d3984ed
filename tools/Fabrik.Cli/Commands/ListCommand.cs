using System.CommandLine;
using System.Globalization;
using Fabrik.Cli.Output;

namespace Fabrik.Cli.Commands;

/// <summary><c>fabrik list</c>: a page of executions, newest first.</summary>
public static class ListCommand
{
    public static Command Create(GatewayCommand shared)
    {
        var filters = new ExecutionFilterOptions();
        var page = new Option<int>("--page") { Description = "the page, from 1", DefaultValueFactory = _ => 1 };
        var perPage = new Option<int>("--per-page") { Description = "executions per page, 1 to 100", DefaultValueFactory = _ => 25 };
        var command = new Command("list", "List executions, newest first, with the API's filters");
        filters.AddTo(command);
        command.Options.Add(page);
        command.Options.Add(perPage);
        shared.SetAction(command, async (parse, gateway, cancellationToken) =>
        {
            var query = filters.Query(parse);
            query.Add(KeyValuePair.Create("page", parse.GetValue(page).ToString(CultureInfo.InvariantCulture)));
            query.Add(KeyValuePair.Create("per_page", parse.GetValue(perPage).ToString(CultureInfo.InvariantCulture)));
            var answer = await gateway.GetAsync("/api/v1/executions?" + ExecutionFilterOptions.ToQueryString(query), cancellationToken);
            if (shared.Json(parse))
            {
                await shared.WriteJsonAsync(answer);
            }
            else
            {
                await ExecutionTable.WriteAsync(shared.Console, answer);
            }

            return ExitCodes.Successful;
        });
        return command;
    }
}

using System.CommandLine;
using Fabrik.Cli.Output;

namespace Fabrik.Cli.Commands;

/// <summary><c>fabrik show</c>: one execution.</summary>
public static class ShowCommand
{
    public static Command Create(GatewayCommand shared)
    {
        var id = ExecutionArgument.Create();
        var command = new Command("show", "Show one execution") { id };
        shared.SetAction(command, async (parse, gateway, cancellationToken) =>
        {
            var execution = (await gateway.GetAsync(GatewayCommand.PathOf(parse.GetValue(id)), cancellationToken)).GetProperty("data");
            if (shared.Json(parse))
            {
                await shared.WriteJsonAsync(execution);
            }
            else
            {
                await ExecutionDetails.WriteAsync(shared.Console, new ExecutionView(execution));
            }

            return ExitCodes.Successful;
        });
        return command;
    }
}

using System.CommandLine;
using Fabrik.Cli.Tailing;

namespace Fabrik.Cli.Commands;

/// <summary><c>fabrik tail</c>: follow an execution's output live to its end; exit with its result.</summary>
public static class TailCommand
{
    public static Command Create(GatewayCommand shared)
    {
        var id = ExecutionArgument.Create();
        var after = new Option<long>("--after") { Description = "start after this counter (0: from the beginning)", DefaultValueFactory = _ => 0 };
        var command = new Command(
            "tail",
            "Follow an execution's output live until it ends; exits 0 successful, 1 failed, 2 error, 3 canceled. With --json, one event per line")
        {
            id, after,
        };
        shared.SetAction(command, (parse, gateway, cancellationToken) =>
        {
            if (parse.GetValue(after) < 0)
            {
                throw new CliException("--after must be 0 or a counter: events after it are shown.");
            }

            return new OutputTail(gateway, shared.Console, shared.Json(parse)).RunAsync(parse.GetValue(id), parse.GetValue(after), cancellationToken);
        });
        return command;
    }
}

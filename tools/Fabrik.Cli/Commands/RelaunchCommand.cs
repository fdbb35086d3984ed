using System.CommandLine;
using System.Text.Json;
using Fabrik.Cli.Output;
using Fabrik.Cli.Tailing;

namespace Fabrik.Cli.Commands;

/// <summary><c>fabrik relaunch</c>: launch a finished execution again, on all its hosts or its failed ones, and optionally follow it.</summary>
public static class RelaunchCommand
{
    public static Command Create(GatewayCommand shared)
    {
        var id = ExecutionArgument.Create();
        var failed = new Option<bool>("--failed") { Description = "only the hosts that failed or were unreachable" };
        var tail = new Option<bool>("--tail") { Description = "follow the new execution's output and exit with its result" };
        var command = new Command("relaunch", "Relaunch a finished execution; prints the new execution") { id, failed, tail };
        shared.SetAction(command, async (parse, gateway, cancellationToken) =>
        {
            var json = shared.Json(parse);
            var body = new { hosts = parse.GetValue(failed) ? "failed" : "all" };
            JsonElement relaunched;
            await using (var progress = new ProgressLine(shared.Console, !json))
            {
                relaunched = (await progress.WhileAsync(
                    "asking the Launcher to relaunch", () => gateway.PostAsync(GatewayCommand.PathOf(parse.GetValue(id)) + "/relaunch", body, cancellationToken))).GetProperty("data");
            }

            var execution = new ExecutionView(relaunched);
            if (json)
            {
                await shared.WriteJsonAsync(relaunched);
            }
            else
            {
                await shared.Console.Out.WriteLineAsync($"{execution.Id} {Ansi.Status(execution.StatusText, shared.Console.Colour)} relaunch {execution.Text("relaunch_count")} of {parse.GetValue(id)}");
            }

            return parse.GetValue(tail)
                ? await new OutputTail(gateway, shared.Console, json).RunAsync(execution.Id, 0, cancellationToken)
                : ExitCodes.Successful;
        });
        return command;
    }
}

using System.CommandLine;
using System.Text.Json;
using Fabrik.Cli.Output;
using Fabrik.Executions.Contracts;

namespace Fabrik.Cli.Commands;

/// <summary><c>fabrik cancel</c>: one execution, or up to 100 at once through the bulk endpoint.</summary>
public static class CancelCommand
{
    public static Command Create(GatewayCommand shared)
    {
        var ids = new Argument<Guid[]>("execution-id") { Description = "the executions to cancel (UUIDs)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("cancel", "Cancel pending, waiting or running executions") { ids };
        shared.SetAction(command, async (parse, gateway, cancellationToken) =>
        {
            var targets = parse.GetValue(ids)!;
            await using var progress = new ProgressLine(shared.Console, !shared.Json(parse));
            if (targets.Length == 1)
            {
                var execution = await progress.WhileAsync(
                    "asking the Launcher to cancel", () => gateway.PostAsync(GatewayCommand.PathOf(targets[0]) + "/cancel", new { }, cancellationToken));
                return await ReportAsync(shared, parse, execution.GetProperty("data"), [Line(new ExecutionView(execution.GetProperty("data")), shared.Console)]);
            }

            var outcomes = (await progress.WhileAsync(
                "asking the Launcher to cancel", () => gateway.PostAsync("/api/v1/executions/cancel", new { ids = targets }, cancellationToken))).GetProperty("data");
            var lines = outcomes.EnumerateArray().Select(outcome =>
                $"{outcome.GetProperty("id")}  {outcome.GetProperty("result").GetString()}  {(outcome.TryGetProperty("detail", out var detail) ? detail.ToString() : "")}".TrimEnd()).ToList();
            var code = await ReportAsync(shared, parse, outcomes, lines);
            var cancelled = outcomes.EnumerateArray().All(outcome => outcome.GetProperty("result").GetString() is "canceled" or "cancel_requested");
            return cancelled ? code : ExitCodes.Unusable;
        });
        return command;
    }

    private static string Line(ExecutionView execution, CliConsole console) =>
        execution.Status == ExecutionStatus.Canceled
            ? $"{execution.Id} {Ansi.Status(execution.StatusText, console.Colour)}"
            : $"{execution.Id} {Ansi.Status(execution.StatusText, console.Colour)}: AWX was asked to cancel the job; it stops at the next task boundary";

    private static async Task<int> ReportAsync(GatewayCommand shared, ParseResult parse, JsonElement json, IEnumerable<string> lines)
    {
        if (shared.Json(parse))
        {
            await shared.WriteJsonAsync(json);
        }
        else
        {
            foreach (var line in lines)
            {
                await shared.Console.Out.WriteLineAsync(line);
            }
        }

        return ExitCodes.Successful;
    }
}

using System.CommandLine;
using System.Text.Json;
using Fabrik.Cli.Gateway;

namespace Fabrik.Cli.Commands;

/// <summary>What every command shares: its Gateway connection, how it reports that it could not do its work, and JSON output.</summary>
public sealed class GatewayCommand(GatewayOptions gateway, CliConsole console)
{
    public CliConsole Console => console;

    public bool Json(ParseResult parse) => parse.GetValue(gateway.Json);

    /// <summary>Runs <paramref name="action"/> with a connected client; a <see cref="CliException"/> is reported on the error stream.</summary>
    public void SetAction(Command command, Func<ParseResult, GatewayClient, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                using var client = gateway.Connect(parse, console);
                return await action(parse, client, cancellationToken);
            }
            catch (CliException exception)
            {
                await console.Error.WriteLineAsync($"fabrik: {exception.Message}");
                return ExitCodes.Unusable;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Interrupted;
            }
            catch (Exception exception)
            {
                // Exit codes 1 to 3 are an execution's result; a script must never read a crash as one.
                await console.Error.WriteLineAsync($"fabrik: unexpected {exception.GetType().Name}: {exception.Message}");
                return ExitCodes.Unusable;
            }
        });

    /// <summary>Writes the Gateway's answer; an answer without a body is written as an empty object.</summary>
    public async Task WriteJsonAsync(JsonElement json) =>
        await console.Out.WriteLineAsync(json.ValueKind == JsonValueKind.Undefined ? "{}" : JsonSerializer.Serialize(json, CliJson.Indented));

    public static string PathOf(Guid executionId) => $"/api/v1/executions/{executionId}";
}

using System.CommandLine;
using Fabrik.Cli.Commands;
using Fabrik.Cli.Gateway;

namespace Fabrik.Cli;

/// <summary>The <c>fabrik</c> command, run the same way by Program.cs and by tests.</summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var gateway = new GatewayOptions();
        var shared = new GatewayCommand(gateway, console);
        var root = new RootCommand("fabrik: Fabrik.Executions from the command line, over the Gateway's public API and hub.")
        {
            ListCommand.Create(shared),
            ShowCommand.Create(shared),
            TailCommand.Create(shared),
            CancelCommand.Create(shared),
            RelaunchCommand.Create(shared),
            ApprovalCommand.Create(shared, "approve"),
            ApprovalCommand.Create(shared, "deny"),
            ExportCommand.Create(shared),
        };
        gateway.AddTo(root);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"fabrik: {error.Message}");
            }

            await console.Error.WriteLineAsync("Run 'fabrik --help' for the commands and their options.");
            return ExitCodes.Unusable;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
    }
}

using Fabrik.Cli;

return await CliApplication.RunAsync(args, CliConsole.System());

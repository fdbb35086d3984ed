using Fabrik.Executions.Launcher;

await LauncherApplication.Create(args).RunAsync();

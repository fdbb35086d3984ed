using Fabrik.Executions.Watchdog;

await WatchdogApplication.Create(args).RunAsync();

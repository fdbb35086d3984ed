using Fabrik.Executions.StreamPoller;

await StreamPollerApplication.Create(args).RunAsync();

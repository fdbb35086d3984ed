using Fabrik.Executions.IntegrationTests;

[assembly: ServiceLogsOnFailure]

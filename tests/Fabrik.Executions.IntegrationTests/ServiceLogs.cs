[assembly: Fabrik.Executions.IntegrationTests.ServiceLogsOnFailure]

using Fabrik.Executions.ResultParser;

await ResultParserApplication.Create(args).RunAsync();

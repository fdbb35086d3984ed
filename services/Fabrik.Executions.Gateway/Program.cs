using Fabrik.Executions.Gateway;

await GatewayApplication.Create(args).RunAsync();
